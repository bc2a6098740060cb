/**
 * The page's only script: on each `change` event from the server, fetch the page again and swap its content in
 * place, keeping the scroll position; images of the card's folder are fetched anew. Without it (scripts off,
 * `file://`), the page reads the same.
 */
export const LIVE_RELOAD_SCRIPT = `"use strict";
(() => {
  if (!("EventSource" in window) || location.protocol === "file:") return;
  let generation = 0;
  const refresh = async () => {
    const response = await fetch(location.pathname, { cache: "no-store" });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    const incoming = next.getElementById("page");
    const current = document.getElementById("page");
    if (!incoming || !current) return;
    const x = window.scrollX;
    const y = window.scrollY;
    generation += 1;
    for (const image of incoming.querySelectorAll("img[src]")) {
      const url = new URL(image.getAttribute("src"), location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("modelcard-reload", String(generation));
      image.setAttribute("src", url.href);
    }
    incoming.dataset.reloads = String(generation);
    current.replaceWith(document.adoptNode(incoming));
    document.title = next.title;
    window.scrollTo(x, y);
  };
  const events = new EventSource("__modelcard/events");
  // Marks the page as listening (a tool or test waits for it before it saves).
  events.addEventListener("open", () => {
    document.documentElement.dataset.live = "connected";
  });
  events.addEventListener("change", () => {
    refresh().catch(() => {});
  });
})();
`;
