// Keeps the "N of M strings translated" line above wagtail-localize's translation editor in step with what the
// translator saves. The editor saves each string through its API without reloading the page; this script only
// watches the editor's markup change (it never touches it) and then asks our progress view for the server's count.
// Without JavaScript the line is right when the page loads, and sending for review is checked on the server anyway.
(() => {
    "use strict";

    const panel = document.querySelector("[data-editorial-progress-url]");
    const editor = document.querySelector(".js-translation-editor");
    if (!panel || !editor || !window.fetch) {
        return;
    }
    const url = panel.dataset.editorialProgressUrl;
    const summary = panel.querySelector("[data-editorial-progress-summary]");
    const missing = panel.querySelector("[data-editorial-progress-missing]");
    let timer = null;
    let pending = null;

    function show(progress) {
        if (summary.textContent !== progress.summary) {
            summary.textContent = progress.summary;
        }
        missing.textContent = progress.missing;
        missing.hidden = progress.complete;
        panel.dataset.editorialProgressComplete = progress.complete ? "true" : "false";
    }

    function refresh() {
        if (pending) {
            pending.then(schedule); // a save may have landed after that answer was written
            return;
        }
        pending = fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then((response) => (response.ok ? response.json() : null))
            .then((progress) => progress && show(progress))
            .catch(() => {}) // the count stays as it was; the server checks again on sending
            .finally(() => {
                pending = null;
            });
    }

    function schedule() {
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 300);
    }

    // A saved string changes its segment's markup (its class, its "Saving…" text): the count may have changed.
    new MutationObserver(schedule).observe(editor, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ["class"],
    });
    // Another tab, a PO upload or machine translation may have saved strings while this one was hidden.
    document.addEventListener("visibilitychange", () => {
        if (!document.hidden) {
            refresh();
        }
    });
})();
