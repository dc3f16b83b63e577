// Progressive enhancement of the post form: the sponsor fields show only when
// the intent "Sponsorisé" is chosen. Without JavaScript they are always shown.
(() => {
  const box = document.querySelector("[data-sponsor-fields]");
  if (!box) return;
  const form = box.closest("form");
  const radios = form.querySelectorAll("input[name=intent]");
  const update = () => {
    const chosen = form.querySelector("input[name=intent]:checked");
    const sponsored = chosen && chosen.value === "sponsored";
    // Keep them visible when they hold an error or a value, so nothing typed hides.
    const filled = [...box.querySelectorAll("input")].some((input) => input.value);
    box.hidden = !sponsored && !filled && !box.querySelector(".errorlist");
  };
  radios.forEach((radio) => radio.addEventListener("change", update));
  update();
})();
