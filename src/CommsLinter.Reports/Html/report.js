"use strict";
// The editor's problems panel: filters, pages of findings and keyboard navigation. The findings are
// data in a JSON script element; every value is put into the page with textContent, never as markup.
(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var severities = ["suggestion", "warning", "error"];
  var pageSize = 100;
  var state = { severity: "", rule: "", team: "", locale: "", channel: "", file: "", page: 0, selected: -1 };
  var visible = [];
  var frame = document.getElementById("source-frame");
  var body = document.getElementById("problem-rows");
  var count = document.getElementById("problem-count");
  var pageLabel = document.getElementById("page-label");

  function fill(id, values, label) {
    var select = document.getElementById(id);
    values.forEach(function (value, index) {
      var option = document.createElement("option");
      option.value = String(index);
      option.textContent = label ? label(value) : value;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      state[select.dataset.key] = select.value;
      apply();
    });
  }

  function matches(f) {
    return (state.severity === "" || f[0] === +state.severity) &&
      (state.rule === "" || f[1] === +state.rule) &&
      (state.file === "" || f[2] === +state.file) &&
      (state.team === "" || f[5] === +state.team) &&
      (state.locale === "" || f[6] === +state.locale) &&
      (state.channel === "" || f[7] === +state.channel);
  }

  function apply() {
    visible = data.findings.filter(matches);
    state.page = 0;
    state.selected = -1;
    render();
  }

  function cell(row, text, className) {
    var td = document.createElement("td");
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
  }

  function render() {
    body.textContent = "";
    var start = state.page * pageSize;
    visible.slice(start, start + pageSize).forEach(function (f, offset) {
      var row = document.createElement("tr");
      row.dataset.index = String(start + offset);
      if (start + offset === state.selected) { row.className = "selected"; }
      cell(row, severities[f[0]], "sev " + "swe"[f[0]]);
      cell(row, data.files[f[2]][0] + "(" + f[3] + "," + f[4] + ")", "mono");
      cell(row, data.rules[f[1]], "mono");
      cell(row, f[9], "message");
      row.addEventListener("click", function () { select(start + offset, true); });
      body.appendChild(row);
    });
    var pages = Math.max(1, Math.ceil(visible.length / pageSize));
    count.textContent = visible.length + " of " + data.findings.length + " findings";
    pageLabel.textContent = "page " + (state.page + 1) + " of " + pages;
  }

  function select(index, open) {
    if (visible.length === 0) { return; }
    index = Math.max(0, Math.min(visible.length - 1, index));
    state.selected = index;
    var page = Math.floor(index / pageSize);
    if (page !== state.page) { state.page = page; }
    render();
    var row = body.querySelector("tr.selected");
    if (row) { row.scrollIntoView({ block: "nearest" }); }
    if (open) {
      var f = visible[index];
      frame.src = data.files[f[2]][1] + "#f" + f[8];
      markCurrent(f[2]);
    }
  }

  function markCurrent(file) {
    var current = document.querySelector(".explorer a.current");
    if (current) { current.classList.remove("current"); }
    var link = document.querySelector('.explorer a[data-file="' + file + '"]');
    if (link) {
      link.classList.add("current");
      for (var node = link.parentElement; node; node = node.parentElement) {
        if (node.tagName === "DETAILS") { node.open = true; }
      }
      link.scrollIntoView({ block: "nearest" });
    }
  }

  fill("filter-severity", severities);
  fill("filter-rule", data.rules);
  fill("filter-team", data.teams);
  fill("filter-locale", data.locales);
  fill("filter-channel", data.channels);

  document.querySelectorAll(".explorer a[data-file]").forEach(function (link) {
    link.addEventListener("click", function () {
      state.file = link.dataset.file;
      document.getElementById("file-filter").textContent = data.files[+state.file][0];
      document.getElementById("clear-file").hidden = false;
      markCurrent(+state.file);
      apply();
    });
  });
  document.getElementById("clear-file").addEventListener("click", function () {
    state.file = "";
    document.getElementById("file-filter").textContent = "all files";
    document.getElementById("clear-file").hidden = true;
    apply();
  });
  document.getElementById("previous-page").addEventListener("click", function () {
    if (state.page > 0) { state.page--; render(); }
  });
  document.getElementById("next-page").addEventListener("click", function () {
    if ((state.page + 1) * pageSize < visible.length) { state.page++; render(); }
  });

  // F8 and Shift+F8 as in VS Code; j/k and the arrow keys move through the list; Enter opens.
  document.addEventListener("keydown", function (event) {
    // Keys typed into a control, or Enter and the arrows on a link, button or explorer entry, keep their own meaning.
    if (event.target instanceof Element && event.target.closest("select, input, textarea, button, a, summary")) { return; }
    var key = event.key;
    if (key === "F8") {
      select(state.selected + (event.shiftKey ? -1 : 1), true);
    } else if (key === "j" || key === "ArrowDown") {
      select(state.selected + 1, true);
    } else if (key === "k" || key === "ArrowUp") {
      select(state.selected - 1, true);
    } else if (key === "Enter" && state.selected >= 0) {
      select(state.selected, true);
    } else {
      return;
    }
    event.preventDefault();
  });

  apply();
})();
