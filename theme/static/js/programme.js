// The programme and event pages' helpers for visitors: which sessions are under way and next,
// each time in the visitor's own zone, and their own programme (starred sessions, shown alone or
// saved as a calendar). Without this file the pages show everything they need. The words come
// from the theme's catalogues through the data attributes of .visitor-tools; the times from the
// <time> elements, the zones and the instants an event runs between from .schedule.

const tools = document.querySelector(".visitor-tools");
const words = tools?.dataset ?? {};
const lang = document.documentElement.lang;
const [onlyMine, save, zoneButton] = tools?.querySelectorAll("button") ?? [];
const live = tools?.querySelector("[aria-live]");
const stored = (name) => localStorage.getItem(`${words.uid}:${name}`);
const store = (name, value) => localStorage.setItem(`${words.uid}:${name}`, value);
const element = (name, className, text) => Object.assign(document.createElement(name), { className, textContent: text });
const format = (zone, options) => new Intl.DateTimeFormat(lang, { timeZone: zone, ...options });

const sessions = [...document.querySelectorAll(".schedule .session")].map((card) => {
  const schedule = card.closest(".schedule").dataset;
  const time = card.querySelector(".session-time time");
  return {
    card,
    schedule,
    id: `${schedule.event}-${card.id}`,
    // as the site's calendars write it: without the page's soft hyphens and no-break spaces
    title: card.firstElementChild.textContent.replace(/\u00ad/g, "").replace(/\s+/g, " ").trim(),
    time,
    day: card.closest(".day").querySelector("time").dateTime,
    start: time && new Date(time.dateTime),
    end: time?.dataset.end && new Date(time.dataset.end),
    // cancelled and postponed sessions are never under way
    held: !/session-(cancelled|postponed)/.test(card.className),
  };
});
// of the whole conference: an event's page shows and saves its own among them
const starred = new Set(JSON.parse(stored("starred") ?? "[]"));

// Now and next: marks on the cards, and one polite announcement when they change.
function markNowAndNext() {
  const now = Date.now();
  const said = { now: [], next: [] };
  for (const schedule of new Set(sessions.map((s) => s.schedule))) {
    const running = now >= Date.parse(schedule.begins) && now < Date.parse(schedule.ends);
    const timed = sessions.filter((s) => s.schedule === schedule && s.start && s.held);
    const next = Math.min(...timed.filter((s) => s.start > now).map((s) => +s.start));
    for (const s of timed) {
      const state = !running ? "" : s.start <= now && now < s.end ? "now" : +s.start === next ? "next" : "";
      if (state) said[state].push(s.title);
      s.mark ??= s.time.parentElement.insertAdjacentElement("afterbegin", element("strong", "now-mark"));
      s.mark.textContent = words[state] ?? "";
      s.mark.hidden = !state;
    }
  }
  const list = new Intl.ListFormat(lang);
  const text = ["now", "next"].filter((k) => said[k].length).map((k) => `${words[k]}: ${list.format(said[k])}`).join(". ");
  if (live.textContent !== text) live.textContent = text;
  setTimeout(markNowAndNext, 60000 - (now % 60000)); // on the minute
}

// The visitor's zone, where it shows another time than the event's zone and the home zone.
const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
const wallClock = (zone, instant) => format(zone, { dateStyle: "short", timeStyle: "short" }).format(instant);
const readings = sessions.filter((s) => s.start && ![s.schedule.zone, words.homeZone].some((z) => wallClock(z, s.start) === wallClock(here, s.start))).map((s) => {
  const clock = format(here, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  const date = (zone) => format(zone, { weekday: "short", day: "numeric", month: "long" }).format(s.start);
  const day = date(here) === date(s.schedule.zone) ? "" : ` (${date(here)})`;
  const times = s.end ? clock.formatRange(s.start, s.end) : clock.format(s.start);
  return s.time.parentElement.appendChild(element("span", "own-time", `${words.ownTime}: ${times}${day}`));
});
function showReadings(shown) {
  zoneButton.setAttribute("aria-pressed", shown);
  for (const reading of readings) reading.hidden = !shown;
}

// My programme.
function showMine() {
  const mine = onlyMine.getAttribute("aria-pressed") === "true";
  for (const s of sessions) s.card.hidden = mine && !starred.has(s.id);
  for (const group of document.querySelectorAll(".schedule .slot, .schedule .day")) {
    group.hidden = mine && !group.querySelector(".session:not([hidden])");
  }
}
function countStarred() {
  store("starred", JSON.stringify([...starred]));
  const count = sessions.filter((s) => starred.has(s.id)).length;
  const category = new Intl.PluralRules(lang).select(count);
  save.textContent = (words[`save${category[0].toUpperCase()}${category.slice(1)}`] ?? words.saveOther).replace("{n}", count);
  save.disabled = !count;
}

// RFC 5545: escaped text, lines folded at 75 octets, CRLF; times in UTC.
const octets = new TextEncoder();
const escaped = (text) => text.replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n");
const utc = (instant) => instant.toISOString().replace(/[-:]|\.\d+/g, "");
const compact = (day) => day.replaceAll("-", "");
function folded(line) {
  let out = "";
  let width = 0;
  for (const character of line) {
    const size = octets.encode(character).length;
    if (width + size > 75) [out, width] = [`${out}\r\n `, 1];
    out += character;
    width += size;
  }
  return out;
}
function calendar() {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pelican.plugins.programme//programme.js//EN"];
  for (const s of sessions.filter((s) => starred.has(s.id))) {
    const after = compact(new Date(Date.parse(s.day) + 864e5).toISOString().slice(0, 10));
    lines.push("BEGIN:VEVENT", `UID:${s.id}@${words.uid}`, `DTSTAMP:${utc(new Date())}`,
      ...(s.start ? [`DTSTART:${utc(s.start)}`, ...(s.end ? [`DTEND:${utc(s.end)}`] : [])]
        : [`DTSTART;VALUE=DATE:${compact(s.day)}`, `DTEND;VALUE=DATE:${after}`]),
      `SUMMARY:${escaped(s.title)}`,
      ...(s.schedule.url ? [`URL:${new URL(`${s.schedule.url}#${s.card.id}`, location.href)}`] : []),
      "END:VEVENT");
  }
  lines.push("END:VCALENDAR", "");
  return lines.map(folded).join("\r\n");
}

if (sessions.length) {
  tools.hidden = false;
  for (const s of sessions) {
    const star = element("button", "star", "");
    star.type = "button";
    star.setAttribute("aria-label", words.star.replace("{title}", s.title));
    star.setAttribute("aria-pressed", starred.has(s.id));
    star.addEventListener("click", () => {
      if (!starred.delete(s.id)) starred.add(s.id);
      star.setAttribute("aria-pressed", starred.has(s.id));
      countStarred();
    });
    s.card.prepend(star);
  }
  onlyMine.setAttribute("aria-pressed", stored("only-mine") === "true");
  onlyMine.addEventListener("click", () => {
    store("only-mine", onlyMine.getAttribute("aria-pressed") !== "true");
    onlyMine.setAttribute("aria-pressed", stored("only-mine"));
    showMine();
  });
  save.addEventListener("click", () => {
    const link = element("a", "", "");
    link.href = URL.createObjectURL(new Blob([calendar()], { type: "text/calendar" }));
    link.download = `${words.uid}.ics`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  if (readings.length) {
    const zoneName = format(here, { timeZoneName: "longGeneric" }).formatToParts().find((p) => p.type === "timeZoneName");
    zoneButton.textContent = zoneButton.dataset.label.replace("{zone}", zoneName.value);
    zoneButton.hidden = false;
    zoneButton.addEventListener("click", () => {
      store("own-zone", zoneButton.getAttribute("aria-pressed") !== "true");
      showReadings(stored("own-zone") === "true");
    });
    showReadings(stored("own-zone") !== "false");
  }
  countStarred();
  showMine();
  markNowAndNext();
}
