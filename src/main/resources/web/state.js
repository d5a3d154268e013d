// The dashboard's state lives in the address, so that a link or a reload shows the same view: the page
// number, the API's own filter parameters (metier_data, offres_dispo_only, code_region...) and the slicers
// of single charts (exigence_competence, exigence_experience).
import { PAGES } from './pages.js';

export const CODE_LISTS = ['code_region', 'code_departement', 'code_postal', 'code_insee'];
export const SLICERS = ['exigence_competence', 'exigence_experience'];

export function readState(search) {
  const params = new URLSearchParams(search);
  const page = Number(params.get('page'));
  const state = {
    page: Number.isInteger(page) && page >= 1 && page <= PAGES.length ? page : 1,
    metier_data: params.get('metier_data') ?? '',
    offres_dispo_only: params.get('offres_dispo_only') === 'true',
  };
  for (const name of CODE_LISTS) {
    state[name] = params.getAll(name).flatMap(codes).filter((code, i, all) => all.indexOf(code) === i);
  }
  for (const name of SLICERS) {
    state[name] = params.get(name) ?? '';
  }
  return state;
}

/** The address' query string of a state; defaults are left out. */
export function toSearch(state) {
  const params = apiParams(state);
  if (state.page !== 1) {
    params.set('page', state.page);
  }
  for (const name of SLICERS) {
    if (state[name]) {
      params.set(name, state[name]);
    }
  }
  return params.toString();
}

/** The filters as the query API reads them (the same names, codes repeated). */
export function apiParams(state) {
  const params = new URLSearchParams();
  if (state.metier_data) {
    params.set('metier_data', state.metier_data);
  }
  if (state.offres_dispo_only) {
    params.set('offres_dispo_only', 'true');
  }
  for (const name of CODE_LISTS) {
    state[name].forEach(code => params.append(name, code));
  }
  return params;
}

/** Codes typed in a field: separated by spaces, commas or semicolons. */
export function codes(text) {
  return text.split(/[\s,;]+/).filter(Boolean);
}
