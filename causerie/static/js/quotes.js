// Progressive enhancement of "citer": selecting text inside one billet or
// comment shows a "Citer" button that opens the reply form with just the
// selection quoted. Without this file each paragraph's "citer" link quotes
// the whole paragraph. The server finds the selection in the source text
// and falls back to the paragraph when it cannot.
(() => {
  let button = null;
  let pending = null;

  function hide() {
    if (button) button.hidden = true;
    pending = null;
  }

  function ensureButton(label) {
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "cite-selection";
      button.hidden = true;
      button.addEventListener("mousedown", (event) => event.preventDefault());
      button.addEventListener("click", () => {
        if (pending) window.location.assign(pending);
      });
      document.body.appendChild(button);
    }
    button.textContent = label;
    return button;
  }

  function paragraphOf(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element ? element.closest("p[data-range]") : null;
  }

  function update() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      hide();
      return;
    }
    const range = selection.getRangeAt(0);
    const start = range.startContainer.nodeType === Node.ELEMENT_NODE
      ? range.startContainer : range.startContainer.parentElement;
    const end = range.endContainer.nodeType === Node.ELEMENT_NODE
      ? range.endContainer : range.endContainer.parentElement;
    const item = start && start.closest(".quotable");
    // One item only, and never inside a quote already made.
    if (!item || !end || end.closest(".quotable") !== item
        || start.closest(".verified-quote") || end.closest(".verified-quote")) {
      hide();
      return;
    }
    const text = selection.toString().trim();
    if (!text) {
      hide();
      return;
    }
    const params = new URLSearchParams({
      citer: item.dataset.cite,
      r: item.dataset.revision,
      // Kept well under the 8 KB request lines proxies accept once encoded;
      // a longer selection is quoted from its start.
      texte: text.slice(0, 2000),
    });
    const paragraph = paragraphOf(range.startContainer);
    if (paragraph && item.contains(paragraph)) {
      const [from, to] = paragraph.dataset.range.split("-");
      params.set("de", from);
      params.set("a", to);
    }
    pending = `${item.dataset.citeUrl}?${params.toString()}`;
    const shown = ensureButton(item.dataset.citeLabel || "Citer");
    const box = range.getBoundingClientRect();
    shown.style.top = `${window.scrollY + box.bottom + 6}px`;
    shown.style.left = `${Math.max(8, window.scrollX + box.left)}px`;
    shown.hidden = false;
  }

  document.addEventListener("mouseup", () => setTimeout(update, 0));
  document.addEventListener("keyup", (event) => {
    if (event.shiftKey || event.key === "Shift") setTimeout(update, 0);
  });
  document.addEventListener("touchend", () => setTimeout(update, 0));
  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed) hide();
  });
})();
