// Site search with Pagefind (its index is built into /pagefind/ by `make html`). Progressive enhancement:
// the page says how else to find posts until this script shows the form. Everything loads from this site.
const form = document.getElementById("search-form");
const PAGE = 10;

if (form) start(form);

async function start(form) {
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const keys = ["entity", "type", "category", "year"];
  const q = form.elements.q;
  document.getElementById("search-nojs").hidden = true;
  form.hidden = false;

  let pagefind;
  try {
    pagefind = await import(form.dataset.pagefind + "pagefind.js");
    await pagefind.options({ baseUrl: form.dataset.base, excerptLength: 28 });
  } catch (err) {
    status.textContent = "Search is not available: its index could not be loaded. Browse by organisation, topic or year instead.";
    document.getElementById("search-nojs").hidden = false;
    return;
  }

  const params = new URLSearchParams(location.search);
  q.value = params.get("q") || "";
  const counts = await pagefind.filters();
  for (const key of keys) {
    const select = form.elements[key];
    const values = Object.keys(counts[key] || {});
    values.sort(key === "year" ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
    for (const value of values) select.add(new Option(`${value} (${counts[key][value]})`, value));
    const wanted = params.get(key);
    if (wanted) {
      if (!values.includes(wanted)) select.add(new Option(wanted, wanted));
      select.value = wanted;
    }
  }

  // On a phone the filters start folded away unless one is in use, so the results show first.
  if (matchMedia("(max-width: 47.99rem)").matches && !keys.some((k) => params.get(k))) {
    document.getElementById("filters-box").open = false;
  }

  let results = [];
  let shown = 0;
  let run = 0;

  async function search() {
    const mine = ++run;
    const filters = {};
    const url = new URLSearchParams();
    const term = q.value.trim();
    if (term) url.set("q", term);
    for (const key of keys) {
      const value = form.elements[key].value;
      if (value) { filters[key] = value; url.set(key, value); }
    }
    history.replaceState(null, "", url.toString() ? "?" + url : location.pathname);
    list.replaceChildren();
    more.hidden = true;
    if (!term && !Object.keys(filters).length) {
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    const found = await pagefind.search(term || null, { filters, sort: term ? undefined : { date: "desc" } });
    if (mine !== run) return;
    results = found.results;
    shown = 0;
    const n = results.length;
    status.textContent = n ? `${n} post${n === 1 ? "" : "s"} found` : "No posts found. Try fewer words or remove a filter.";
    await showMore(mine);
  }

  async function showMore(mine = run) {
    const batch = results.slice(shown, shown + PAGE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (mine !== run) return;
    for (const d of data) list.append(item(d));
    shown += batch.length;
    more.hidden = shown >= results.length;
  }

  let timer;
  form.addEventListener("submit", (e) => { e.preventDefault(); search(); });
  form.addEventListener("change", (e) => { if (e.target.tagName === "SELECT") search(); });
  q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 300); });
  form.addEventListener("reset", () => setTimeout(search, 0));
  more.addEventListener("click", () => showMore());
  if (q.value || keys.some((k) => params.get(k))) search();
}

function item(d) {
  const li = document.createElement("li");
  li.className = "result";
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = d.url;
  a.textContent = decode(d.meta.title) || d.url;
  h.append(a);
  li.append(h);
  if (d.meta.date) {
    const p = document.createElement("p");
    p.className = "meta";
    p.textContent = decode(d.meta.date);
    li.append(p);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...marked(d.excerpt || "", decode(d.meta.title)));
  li.append(excerpt);
  return li;
}

// Pagefind keeps metadata as it was in the page's HTML (entities such as &nbsp; included): as plain text.
function decode(html) {
  const t = document.createElement("template");
  t.innerHTML = html || "";
  return t.content.textContent;
}

// Pagefind's excerpt is escaped text with <mark> around the matches: keep the text and the marks, nothing else.
// The indexed text starts with the title, so an excerpt of the opening repeats it: drop that repeat.
function marked(html, title) {
  const t = document.createElement("template");
  t.innerHTML = html;
  const first = t.content.firstChild;
  const plain = (s) => s.replace(/\u00a0/g, " ");
  if (title && first && first.nodeType === Node.TEXT_NODE && plain(first.textContent).startsWith(plain(title))) {
    first.textContent = first.textContent.slice(title.length).replace(/^[\s.:]+/, "");
  }
  const out = [];
  for (const node of t.content.childNodes) {
    if (node.nodeName === "MARK") {
      const m = document.createElement("mark");
      m.textContent = node.textContent;
      out.push(m);
    } else {
      out.push(document.createTextNode(node.textContent));
    }
  }
  return out;
}
