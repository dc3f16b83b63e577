// Progressive enhancement: "Répondre" opens the reply form in place instead of a new page.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-reply-to]");
  if (!link) return;
  const template = document.getElementById("reply-template");
  if (!template) return;
  event.preventDefault();
  const article = link.closest("article");
  const existing = article.querySelector("form.reply-form");
  if (existing) {
    existing.querySelector("textarea").focus();
    return;
  }
  const form = template.content.firstElementChild.cloneNode(true);
  form.querySelector("input[name=parent]").value = link.dataset.replyTo;
  const textarea = form.querySelector("textarea");
  textarea.id = `reply-${link.dataset.replyTo}`;
  form.querySelector("label").htmlFor = textarea.id;
  form.querySelector("[data-cancel]").addEventListener("click", () => form.remove());
  article.appendChild(form);
  textarea.focus();
});
