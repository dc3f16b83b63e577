// Progressive enhancement: "Utile" answers in place instead of reloading the page.
// Without this file the buttons submit their shared form (form="…") and the page
// comes back at the item's anchor.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-recognise]");
  const labels = document.getElementById("recognition-labels");
  if (!button || !button.form || !labels) return;
  event.preventDefault();
  const form = button.form;
  const data = new FormData(form);
  if (button.name) data.append(button.name, button.value);
  button.disabled = true;
  let result = null;
  let response = null;
  try {
    response = await fetch(form.action, {
      method: "POST",
      body: data,
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    });
    result = await response.json();
  } catch (error) {
    result = null;
  }
  button.disabled = false;
  if (result === null) {
    // Network or server trouble: fall back to the plain form.
    form.requestSubmit(button);
    return;
  }
  const previous = button.parentElement.querySelector(".recognise-error");
  if (previous) previous.remove();
  if (!response.ok || !result.ok) {
    // The refusal is said next to the button, as the page would say it.
    const error = document.createElement("span");
    error.className = "recognise-error";
    error.setAttribute("role", "alert");
    error.textContent = ` ${result.message || response.statusText}`;
    button.after(error);
    return;
  }
  const on = result.recognised;
  button.setAttribute("form", on ? "withdraw-recognition-form" : "recognise-form");
  button.setAttribute("aria-pressed", on ? "true" : "false");
  button.textContent = on ? labels.dataset.on : labels.dataset.off;
  button.title = on ? labels.dataset.onTitle : labels.dataset.offTitle;
  const domain = button.parentElement.querySelector(".recognise-domain");
  if (domain) domain.hidden = on;
});
