// The search page's search: Pagefind's index of the site, queried in the browser.
// Only the search page loads this file; every other page works without JavaScript. The page's
// texts come from the theme's catalogues through data attributes on the form.

const form = document.querySelector(".search-form");
const input = form.querySelector("input[type=search]");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const more = document.querySelector(".search-more");
const plurals = new Intl.PluralRules(document.documentElement.lang);
const PAGE_SIZE = 10; // results shown at once; the button below the list shows the next ones

let pagefind;
let generation = 0; // counts searches: an answer to an older one is dropped
let pending = []; // results of the current search not shown yet

function countMessage(count) {
  const category = plurals.select(count);
  const key = "results" + category[0].toUpperCase() + category.slice(1);
  return (form.dataset[key] ?? form.dataset.resultsOther).replace("{n}", count.toLocaleString(document.documentElement.lang));
}

// Pagefind marks the matched words with <mark>; everything else of an excerpt is taken as text.
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body.firstChild;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}

function resultItem(result) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title;
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(link, excerpt);
  return item;
}

async function showNext(searchNumber) {
  more.disabled = true; // one batch at a time
  const batch = pending.splice(0, PAGE_SIZE);
  const results = await Promise.all(batch.map((result) => result.data()));
  if (searchNumber !== generation) return false;
  list.append(...results.map(resultItem));
  more.hidden = pending.length === 0;
  more.disabled = false;
  return true;
}

async function search(query) {
  const current = ++generation;
  if (!query) {
    pending = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    return;
  }
  try {
    pagefind ??= await import(form.dataset.bundle);
    const found = await pagefind.debouncedSearch(query, {}, 200);
    if (found === null || current !== generation) return;
    pending = [...found.results];
    list.replaceChildren();
    if (!(await showNext(current))) return;
    status.textContent = found.results.length ? countMessage(found.results.length) : form.dataset.noResults;
  } catch (problem) {
    console.error(problem);
    if (current === generation) status.textContent = form.dataset.failed;
  }
}

function showQueryInAddress(query) {
  const address = new URL(location.href);
  if (query) address.searchParams.set("q", query);
  else address.searchParams.delete("q");
  history.replaceState(null, "", address);
}

form.hidden = false;
more.addEventListener("click", async () => {
  const firstNew = list.children.length;
  // The button may disappear with the last results; focus moves on to the first new one.
  if (await showNext(generation)) list.children[firstNew]?.querySelector("a")?.focus();
});
input.addEventListener("input", () => search(input.value.trim()));
form.addEventListener("submit", (event) => {
  event.preventDefault();
  showQueryInAddress(input.value.trim());
  search(input.value.trim());
});

// A search address such as /de/suche/?q=Kaluga can be shared and bookmarked.
const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  search(initial.trim());
}
