// zinekit studio: the editor, the preview and the buttons. Talks only to the zinekit
// server that served it (same origin; the cookie set from the printed address carries
// the token). No library, nothing from the network. Its words come from zinekit's catalogs
// (GET /words); the language picker also sets the language the server words errors in.
"use strict";

const $ = (id) => document.getElementById(id);
const state = {
  words: {}, lang: "id", current: null, generation: 0, latest: null,
  view: "reading", sheet: 0, dirty: false, saveTimer: null, saved: "",
};

function word(key) {
  const table = state.words[state.lang] || {};
  return table[key] !== undefined ? table[key] : key;
}

function applyWords() {
  document.documentElement.lang = state.lang;
  $("lang").value = state.lang;
  for (const el of document.querySelectorAll("[data-word]")) el.textContent = word(el.dataset.word);
  fillOptions(state.choices, state.options);
  showResult(state.latest);
  showStatus();
}

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options });
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw new Error((body && body.error) || response.statusText);
  return body;
}

function post(path, data) {
  return api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
}

// --- the editor -------------------------------------------------------------------------

const LINE = 20; // px, as in studio.css

function drawGutter() {
  const lines = $("text").value.split("\n").length;
  const bad = new Set(problemsHere().map((p) => p.line));
  const gutter = $("gutter");
  const parts = [];
  for (let n = 1; n <= lines; n++) parts.push(`<div class="${bad.has(n) ? "bad" : ""}">${n}</div>`);
  gutter.innerHTML = parts.join("");
  gutter.scrollTop = $("text").scrollTop;
  drawMarks();
}

function problemsHere() {
  const r = state.latest;
  if (!r || r.file !== state.current) return [];
  return r.problems.filter((p) => p.line && (p.file === null || p.file === state.current));
}

// The width of one character of the editor's monospaced font, measured once.
let charWidth = 0;
function measureChar() {
  if (!charWidth) {
    const probe = document.createElement("span");
    probe.className = "mark-probe";
    probe.textContent = "M".repeat(40);
    $("marks").appendChild(probe);
    charWidth = probe.getBoundingClientRect().width / 40 || 8.4;
    probe.remove();
  }
  return charWidth;
}

// Each problem sits beside its line, after the line's own text (never over it), and
// scrolls with it; where the line leaves too little room, only its edge shows, and the
// whole message is in the list under the editor and in the mark's tooltip.
function drawMarks() {
  const marks = $("marks");
  marks.textContent = "";
  const text = $("text");
  const lines = text.value.split("\n");
  const cw = measureChar();
  for (const p of problemsHere()) {
    const el = document.createElement("div");
    el.className = "mark";
    el.dataset.line = p.line;
    el.textContent = `${word("line")} ${p.line}${p.column ? ":" + p.column : ""}: ${p.message}` + (p.hint ? ` (${p.hint})` : "");
    el.title = p.text;
    el.style.top = `${(p.line - 1) * LINE + 8 - text.scrollTop}px`;
    const written = (lines[p.line - 1] || "").replace(/\t/g, "  ").length;
    const left = 8 + written * cw + 2 * cw - text.scrollLeft;
    el.style.left = `${Math.max(left, 8)}px`;
    if (marks.clientWidth - 12 - left < 10 * cw) el.classList.add("tight");
    marks.appendChild(el);
  }
}

function setText(text) {
  $("text").value = text;
  state.saved = text;
  state.dirty = false;
  drawGutter();
  showStatus();
}

function goToLine(line, column) {
  const text = $("text");
  const lines = text.value.split("\n");
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
  at += Math.max(0, (column || 1) - 1);
  text.focus();
  text.setSelectionRange(at, at);
  text.scrollTop = Math.max(0, (line - 4) * LINE);
  drawGutter();
}

async function save() {
  if (!state.current) return;
  const text = $("text").value;
  state.saving = true;
  showStatus();
  try {
    await api(`/api/file?path=${encodeURIComponent(state.current)}`, { method: "PUT", body: text });
    state.saved = text;
    state.dirty = $("text").value !== text;
  } catch (error) {
    alert(error.message);
  } finally {
    state.saving = false;
    showStatus();
  }
}

function edited() {
  state.dirty = $("text").value !== state.saved;
  drawGutter();
  showStatus();
  clearTimeout(state.saveTimer);
  if ($("autosave").checked && state.dirty) state.saveTimer = setTimeout(save, 700);
}

function showStatus() {
  let key = state.dirty ? "unsaved" : "saved";
  if (state.saving) key = "saving";
  else if (state.building) key = "building";
  else if (state.latest && !state.latest.ok && !state.dirty) key = "failed";
  const el = $("status");
  el.textContent = word(key);
  el.className = key;
}

// --- the preview ------------------------------------------------------------------------

function picture(kind, number, later = false) {
  const r = shown();
  const img = document.createElement("img");
  const src = `/api/picture/${r.generation}/${kind}/${number}.png?lang=${state.lang}`;
  // Later pages wait for the one before them: the first page comes first, at full speed.
  if (later) img.dataset.src = src;
  else img.src = src;
  img.alt = kind === "reading" ? `${word("view-reading")} ${number + 1}` : `${word("view-" + kind)} ${number + 1}`;
  img.dataset.generation = r.generation;
  img.dataset.kind = kind;
  return img;
}

// The preview: the newest build, or while it failed the last one that worked, dimmed.
function shown() {
  const r = state.latest;
  return r && !r.ok && state.good && state.good.file === r.file ? state.good : r;
}

function drawPreview() {
  const box = $("preview");
  const r = shown();
  box.textContent = "";
  box.className = `preview view-${state.view}` + (r !== state.latest ? " old" : "");
  for (const b of document.querySelectorAll("[data-view]")) b.setAttribute("aria-selected", b.dataset.view === state.view);
  $("sheet-pick").hidden = !(state.view === "front" || state.view === "back");
  if (!r || !r.ok) return;
  if (state.view === "reading") {
    const pictures = [];
    for (let n = 0; n < r.pages; n++) {
      const figure = document.createElement("figure");
      const img = picture("reading", n, n > 0);
      pictures.push(img);
      if (n > 0) pictures[n - 1].addEventListener("load", () => { img.src = img.dataset.src; });
      figure.appendChild(img);
      const caption = document.createElement("figcaption");
      caption.textContent = n + 1;
      figure.appendChild(caption);
      box.appendChild(figure);
    }
  } else if (state.view === "fold") {
    box.appendChild(picture("fold", 0));
  } else {
    const sheet = Math.min(state.sheet, r.sheets.length - 1);
    if (state.view === "back" && !r.sheets[sheet].back) {
      const p = document.createElement("p");
      p.textContent = word("no-back");
      box.appendChild(p);
    } else {
      box.appendChild(picture(state.view, sheet));
    }
  }
}

function showResult(r) {
  if (!r) return;
  const here = r.file === state.current;
  drawGutter();
  const list = $("problems");
  list.textContent = "";
  const problems = here ? r.problems : [];
  $("problems-box").hidden = problems.length === 0;
  for (const p of problems) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = p.text;
    if (p.line) button.addEventListener("click", () => goToLine(p.line, p.column));
    li.appendChild(button);
    list.appendChild(li);
  }
  const notes = $("notes");
  notes.textContent = "";
  $("notes-box").hidden = !r.notes.length;
  for (const n of r.notes) {
    const li = document.createElement("li");
    li.textContent = n;
    notes.appendChild(li);
  }
  const sheets = $("sheet-number");
  sheets.textContent = "";
  const plan = shown();
  plan.sheets.forEach((_, n) => sheets.add(new Option(`${n + 1} / ${plan.sheets.length}`, n)));
  sheets.value = Math.min(state.sheet, Math.max(0, plan.sheets.length - 1));
  drawPreview();
  drawDuplex();
  drawDownloads(r);
  drawChecklist(r);
  $("summary").textContent = r.ok
    ? `${r.pages} ${word(r.pages === 1 ? "page" : "pages")}, ${r.sheets.length} ${word(r.sheets.length === 1 ? "sheet" : "sheets")}, ${r.layout} · ${r.seconds} ${word("seconds")}`
    : "";
}

// The duplex picker only where the layout prints both sides (a mini-zine prints one).
function drawDuplex() {
  const plan = shown();
  $("duplex-pick").hidden = !!(plan && plan.ok && !plan["two-sided"]);
}

function drawDownloads(r) {
  const box = $("downloads");
  box.textContent = "";
  if (!r.ok) return;
  const which = r.files === 2 ? ["fronts", "backs"] : ["print"];
  for (const name of [...which, "reading"]) {
    const a = document.createElement("a");
    a.href = `/api/pdf/${r.generation}/${name}`;
    a.className = "button download";
    a.id = `download-${name}`;
    a.setAttribute("download", "");
    a.textContent = word(`download-${name}`);
    box.appendChild(a);
  }
}

function drawChecklist(r) {
  const list = $("checklist");
  list.textContent = "";
  if (!r.ok) return;
  const twoSided = r.sheets.some((s) => s.back);
  const keys = ["check-100", twoSided ? `check-${r.duplex}` : "check-single", "check-test"];
  for (const key of keys) {
    const li = document.createElement("li");
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    label.append(box, " ", word(key));
    li.appendChild(label);
    list.appendChild(li);
  }
  $("printing").textContent = r.printing;
}

// --- the pickers and the start screen ---------------------------------------------------

function fillOptions(choices, options) {
  if (!choices) return;
  for (const select of document.querySelectorAll("[data-option]")) {
    const key = select.dataset.option;
    select.textContent = "";
    if (key !== "duplex") select.add(new Option(`(${word("from-file")})`, ""));
    for (const value of choices[key]) select.add(new Option(key === "duplex" ? word(`duplex-${value}`) : value, value));
    select.value = options[key] || "";
  }
}

function fillFiles(files) {
  const select = $("file");
  select.textContent = "";
  for (const f of files) select.add(new Option(f, f));
  select.value = state.current || "";
  const existing = $("existing");
  existing.textContent = "";
  for (const f of files) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = f;
    b.addEventListener("click", () => openFile(f));
    li.appendChild(b);
    existing.appendChild(li);
  }
}

function fillStarters(starters, files) {
  const list = $("starters");
  list.textContent = "";
  for (const s of starters) {
    const li = document.createElement("li");
    const title = document.createElement("strong");
    title.textContent = s.name;
    const about = document.createElement("span");
    about.textContent = s.about;
    const name = document.createElement("input");
    let stem = s.name, n = 2;
    while (files.includes(stem + s.suffix)) stem = `${s.name}-${n++}`;
    name.value = stem + s.suffix;
    name.setAttribute("aria-label", word("start-name"));
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = word("start-button");
    b.addEventListener("click", async () => {
      try {
        const done = await post("/api/new", { starter: s.name, path: name.value });
        await load(done.current);
      } catch (error) { alert(error.message); }
    });
    li.append(title, " ", about, name, b);
    list.appendChild(li);
  }
}

async function openFile(name) {
  if (state.dirty && !confirm(word("unsaved"))) { $("file").value = state.current; return; }
  await post("/api/open", { path: name });
  await load(name);
}

async function load(current) {
  const s = await api("/api/state");
  state.serverLang = s.lang;
  state.choices = s.choices;
  state.options = s.options;
  state.current = current || s.current;
  fillFiles(s.files);
  fillOptions(s.choices, s.options);
  fillStarters(s.starters, s.files);
  $("start").hidden = !!state.current;
  $("work").hidden = !state.current;
  if (state.current) {
    const f = await api(`/api/file?path=${encodeURIComponent(state.current)}`);
    setText(f.text);
    if (s.latest && s.latest.file === state.current && s.latest.generation === s.generation) {
      state.latest = s.latest;
      if (s.latest.ok) state.good = s.latest;
      showResult(s.latest);
    }
  }
}

function listen() {
  const events = new EventSource("/api/events");
  events.onopen = () => { $("offline").hidden = true; };
  events.onerror = () => { $("offline").hidden = false; };
  events.onmessage = (message) => {
    const e = JSON.parse(message.data);
    if (e.type === "building") {
      state.building = true;
      showStatus();
    } else if (e.type === "built") {
      state.building = false;
      if (e.file === state.current) {
        state.latest = e;
        if (e.ok) state.good = e;
        showResult(e);
      }
      showStatus();
    } else if (e.type === "changed" && e.file === state.current) {
      if (!state.dirty) setText(e.text);
      else {
        state.outside = e.text;
        $("banner").hidden = false;
      }
    }
  };
}

// The page's language: the one chosen here before, else the server's (`zinekit --lang id
// studio`). The server builds in it, so the errors beside the lines speak it too.
async function setLanguage(lang) {
  state.lang = state.words[lang] ? lang : state.serverLang;
  applyWords();
  if (state.lang !== state.serverLang) {
    state.serverLang = state.lang;
    await post("/api/options", { lang: state.lang });
  }
}

async function main() {
  state.words = await api("/words");
  $("lang").addEventListener("change", async () => {
    localStorage.setItem("zinekit-lang", $("lang").value);
    await setLanguage($("lang").value);
  });
  const text = $("text");
  text.addEventListener("input", edited);
  text.addEventListener("scroll", () => { $("gutter").scrollTop = text.scrollTop; drawMarks(); });
  text.addEventListener("keydown", (e) => {
    if (e.key === "Tab") { e.preventDefault(); document.execCommand("insertText", false, "  "); }
  });
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
  });
  $("save").addEventListener("click", save);
  $("file").addEventListener("change", () => openFile($("file").value));
  $("load-outside").addEventListener("click", () => { setText(state.outside); $("banner").hidden = true; });
  for (const b of document.querySelectorAll("[data-view]")) {
    b.addEventListener("click", () => { state.view = b.dataset.view; drawPreview(); });
  }
  $("sheet-number").addEventListener("change", () => { state.sheet = Number($("sheet-number").value); drawPreview(); });
  for (const select of document.querySelectorAll("[data-option]")) {
    select.addEventListener("change", async () => {
      state.options[select.dataset.option] = select.value;
      await post("/api/options", { [select.dataset.option]: select.value });
    });
  }
  listen();
  await load(null);
  await setLanguage(localStorage.getItem("zinekit-lang") || state.serverLang);
}

main();
