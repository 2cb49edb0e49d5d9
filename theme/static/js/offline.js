// Keeps this language's programme readable offline: registers the worker that sitebuild writes
// into the language's folder (its scope, so it serves every page of the language).
const script = document.querySelector("script[data-worker]");
if ("serviceWorker" in navigator && script) navigator.serviceWorker.register(script.dataset.worker);
