// Progressive enhancement only: every page works without this file.
// A select marked data-autosubmit submits its form when changed (the member filter).
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.requestSubmit();
  }
});

// Printing from a link marked data-print (the minutes).
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("[data-print]") : null;
  if (link) {
    event.preventDefault();
    window.print();
  }
});

// Ranking ballots: without this file each option has a rank number to choose. With it, the
// options are kept in rank order and can be moved with buttons (keyboard and touch) or with
// Alt+Arrow keys; the rank numbers follow the order, so the form sends the same fields.
for (const list of document.querySelectorAll("ol[data-ranking]")) {
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  list.after(status);
  const rows = () => Array.from(list.querySelectorAll("li.rank-row"));
  const selectOf = (row) => row.querySelector("select");
  const nameOf = (row) => row.querySelector("label").textContent;
  const sortRows = () => {
    const sorted = rows().sort((a, b) => {
      const x = selectOf(a).value === "" ? Infinity : Number(selectOf(a).value);
      const y = selectOf(b).value === "" ? Infinity : Number(selectOf(b).value);
      return x - y;
    });
    for (const row of sorted) list.appendChild(row);
  };
  // Ranked options get consecutive numbers in their order; equal numbers stay tied.
  const renumber = (strict) => {
    let rank = 0;
    let previous = null;
    for (const row of rows()) {
      const select = selectOf(row);
      if (select.value === "") continue;
      if (strict || select.value !== previous) rank += 1;
      previous = select.value;
      select.value = String(rank);
    }
  };
  const announce = (row) => {
    const value = selectOf(row).value;
    status.textContent = nameOf(row) + ": " + (value === "" ? list.dataset.unranked : value);
  };
  // Moving an option ranks it; ranked options always come before unranked ones.
  const move = (row, step) => {
    const all = rows();
    const target = all[all.indexOf(row) + step];
    if (target) {
      if (step < 0) list.insertBefore(row, target);
      else list.insertBefore(target, row);
    }
    if (selectOf(row).value === "") selectOf(row).value = "1";
    renumber(true);
    sortRows();
    announce(row);
  };
  for (const row of rows()) {
    const buttons = document.createElement("span");
    buttons.className = "rank-buttons";
    for (const [step, label, symbol] of [[-1, list.dataset.up, "↑"], [1, list.dataset.down, "↓"]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "rank-move";
      button.textContent = symbol;
      button.setAttribute("aria-label", label + ": " + nameOf(row));
      button.addEventListener("click", () => {
        move(row, step);
        button.focus();
      });
      buttons.appendChild(button);
    }
    row.appendChild(buttons);
    selectOf(row).addEventListener("change", () => {
      sortRows();
      renumber(false);
      selectOf(row).focus();
      announce(row);
    });
    row.addEventListener("keydown", (event) => {
      if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
      event.preventDefault();
      move(row, event.key === "ArrowUp" ? -1 : 1);
      selectOf(row).focus();
    });
  }
}

// The form that puts a proposal to a vote shows only the fields of the chosen method.
for (const method of document.querySelectorAll("form.decide select[name=method]")) {
  const show = () => {
    for (const group of method.form.querySelectorAll("[data-methods]")) {
      group.hidden = !group.dataset.methods.split(" ").includes(method.value);
    }
  };
  method.addEventListener("change", show);
  show();
}

// A fund's ballot shows what is chosen against the fund (approval) or the points left
// (cumulative) as the voter chooses; an approval box that no longer fits is disabled. The
// server checks the same.
for (const form of document.querySelectorAll("form.fund-ballot")) {
  const total = form.querySelector(".ballot-total");
  if (!total) continue;
  const limit = Number(form.dataset.limit);
  const points = Number(form.dataset.points);
  const boxes = [...form.querySelectorAll("input[type=checkbox][data-cost]")];
  const numbers = [...form.querySelectorAll("input.points")];
  const update = () => {
    if (boxes.length) {
      const chosen = boxes.filter((b) => b.checked).reduce((s, b) => s + Number(b.dataset.cost), 0);
      const lang = document.documentElement.lang || "en";
      total.textContent = `${form.dataset.labelChosen}: ${chosen.toLocaleString(lang)} ${form.dataset.labelOf} ${limit.toLocaleString(lang)} ${form.dataset.currency}`;
      for (const box of boxes) box.disabled = !box.checked && chosen + Number(box.dataset.cost) > limit;
      total.classList.toggle("over", chosen > limit);
    } else {
      const used = numbers.reduce((s, n) => s + (Number(n.value) || 0), 0);
      total.textContent = `${points - used} ${form.dataset.labelLeft}`;
      total.classList.toggle("over", used > points);
    }
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
}

// A table wider than a phone's screen scrolls inside its own box (the stylesheet); while it does,
// it takes the keyboard focus so that it can be scrolled with the arrow keys.
const focusWideTables = () => {
  for (const table of document.querySelectorAll("main table")) {
    if (table.scrollWidth > table.clientWidth + 1) table.setAttribute("tabindex", "0");
    else if (table.getAttribute("tabindex") === "0") table.removeAttribute("tabindex");
  }
};
focusWideTables();
window.addEventListener("resize", focusWideTables);
