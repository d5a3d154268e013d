// The dashboard: filters and page from the address, cards and charts from the query API's JSON answers.
import { getJson } from './api.js';
import { date, nombre } from './format.js';
import { apiParams, codes, readState, toSearch, CODE_LISTS } from './state.js';
import { disposeAll, draw, figure, fillTable } from './charts.js';
import { PAGES } from './pages.js';

const form = document.getElementById('filtres');
const dispo = document.getElementById('dispo');
const pageElement = document.getElementById('page');
let state = readState(location.search);
let shownPage = 0;
let renders = 0;
/** Files of the dashboard a chart needs besides its answer (the commune points): read once per visit. */
const files = new Map();

/** A new state: into the address (a link to this view), then onto the screen. */
function update(change) {
  state = { ...state, ...change };
  history.pushState(null, '', `${location.pathname}?${toSearch(state)}`.replace(/\?$/, ''));
  render();
}

function showFilters() {
  dispo.setAttribute('aria-pressed', String(state.offres_dispo_only));
  form.elements.metier_data.value = state.metier_data;
  // a region or department list given in the address keeps its first code in the list boxes
  form.elements.code_region.value = state.code_region[0] ?? '';
  form.elements.code_departement.value = state.code_departement[0] ?? '';
  form.elements.code_postal.value = state.code_postal.join(' ');
  form.elements.code_insee.value = state.code_insee.join(' ');
  document.querySelectorAll('#onglets a').forEach((a, i) => {
    a.href = `${location.pathname}?${toSearch({ ...state, page: i + 1 })}`.replace(/\?$/, '');
    if (i + 1 === state.page) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  });
}

async function render() {
  const run = ++renders;
  const current = () => run === renders;
  performance.mark(`rendu-${run}-debut`);
  document.body.dataset.etat = 'chargement';
  pageElement.setAttribute('aria-busy', 'true');
  showFilters();
  const page = PAGES[state.page - 1];
  if (shownPage !== state.page) {
    buildPage(page);
  }
  const answers = new Map();
  const answer = (path, params) => {
    const key = params ? `${path}?${params}` : path;
    if (!answers.has(key)) {
      answers.set(key, getJson(path, params));
    }
    return answers.get(key);
  };
  try {
    const filters = apiParams(state);
    const available = apiParams({ ...state, offres_dispo_only: true });
    const [about, total, dispoTotal] = await Promise.all([
      answer('/about'), answer('/stats/total_offres', filters), answer('/stats/total_offres', available)]);
    const drawn = page.figures.map(async spec => {
      if (spec.needs && !files.has(spec.needs)) {
        files.set(spec.needs, getJson(spec.needs));
      }
      const [json, extra] = await Promise.all([answer(spec.source, filters), files.get(spec.needs)]);
      if (!current()) {
        return;
      }
      const element = document.getElementById(spec.id);
      if (spec.kind === 'liste') {
        fillTable(element.querySelector('table'), spec.headers, json.map(spec.cells));
      } else {
        await draw(element, spec.rows(json, state), { ...spec, extra });
      }
    });
    await Promise.all(drawn);
    if (!current()) {
      return;
    }
    document.getElementById('derniere-extraction').textContent = date(about.derniere_mise_a_jour);
    document.getElementById('offres-dispo').textContent = nombre(dispoTotal.total);
    document.getElementById('nb-offres').textContent = nombre(total.total);
    document.getElementById('mention').textContent = about.mention;
    document.getElementById('licence').href = about.licence;
    showError(null);
    document.body.dataset.etat = 'pret';
    if (performance.getEntriesByName('tableau-dessine').length === 0) {
      performance.mark('tableau-dessine'); // the first complete drawing since the page loaded
    }
  } catch (error) {
    if (current()) {
      showError(error.message);
      document.body.dataset.etat = 'erreur';
    }
  } finally {
    if (current()) {
      pageElement.setAttribute('aria-busy', 'false');
      // scripts/bench-dashboard.sh and the browser test read these: the drawing's time, the drawings done
      performance.measure(`rendu-${run}`, `rendu-${run}-debut`);
      document.body.dataset.rendu = String(run);
    }
  }
}

function buildPage(page) {
  disposeAll();
  pageElement.replaceChildren();
  pageElement.className = `grille ${page.layout ?? ''}`.trim();
  document.getElementById('titre-page').textContent = page.title;
  document.title = `${page.title} · Marché de l'emploi data et tech`;
  for (const spec of page.figures) {
    figure(pageElement, { id: spec.id, title: spec.title, note: spec.note, drawn: spec.kind !== 'liste',
                          slicer: spec.slicer && slicer(spec.slicer) });
  }
  shownPage = state.page;
}

/** A chart's own slicer: a labelled <select> whose value lives in the address. */
function slicer({ name, label, options }) {
  const element = document.createElement('label');
  element.className = 'filtre';
  element.innerHTML = '<span class="libelle"></span><select></select>';
  element.querySelector('.libelle').textContent = label;
  const select = element.querySelector('select');
  select.name = name;
  options.forEach(([value, text]) => select.add(new Option(text, value)));
  select.value = state[name];
  select.addEventListener('change', () => update({ [name]: select.value }));
  return element;
}

function showError(message) {
  const element = document.getElementById('erreur');
  element.hidden = !message;
  element.textContent = message ? `Filtre refusé par l'API : ${message}` : '';
}

async function fillLocations() {
  const [regions, departments] = await Promise.all([
    getJson('/mapping_localisation/region'), getJson('/mapping_localisation/departement')]);
  regions.forEach(r => form.elements.code_region.add(new Option(`${r.nom_region} (${r.code_region})`, r.code_region)));
  departments.forEach(d => form.elements.code_departement.add(
    new Option(`${d.nom_departement} (${d.code_departement})`, d.code_departement)));
}

function start() {
  const tabs = document.getElementById('onglets');
  PAGES.forEach((page, i) => {
    const item = document.createElement('li');
    const a = document.createElement('a');
    a.textContent = `${i + 1}. ${page.title}`;
    a.addEventListener('click', event => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) {
        return; // a new tab or window opens the link's address
      }
      event.preventDefault();
      update({ page: i + 1 });
    });
    item.append(a);
    tabs.append(item);
  });
  dispo.addEventListener('click', () => update({ offres_dispo_only: !state.offres_dispo_only }));
  for (const name of ['metier_data', 'code_region', 'code_departement']) {
    form.elements[name].addEventListener('change', event => {
      const value = event.target.value;
      update({ [name]: name === 'metier_data' ? value : (value ? [value] : []) });
    });
  }
  form.addEventListener('submit', event => {
    event.preventDefault();
    update({ code_postal: codes(form.elements.code_postal.value), code_insee: codes(form.elements.code_insee.value) });
  });
  document.getElementById('reinitialiser').addEventListener('click', () => update(
    { metier_data: '', offres_dispo_only: false, ...Object.fromEntries(CODE_LISTS.map(name => [name, []])) }));
  window.addEventListener('popstate', () => {
    state = readState(location.search);
    render();
  });
  fillLocations().then(showFilters, error => showError(error.message));
  render();
}

start();
