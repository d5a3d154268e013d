// The five pages of the original report (reference.md section 8) and two beyond it (trends, salaries), each
// chart with the API answer it is drawn from and how rows are taken from it. Charts of one page sharing an
// answer fetch it once.
import { date, euro, nombre } from './format.js';

const EXIGENCES_COMPETENCE = [['', '(toutes)'], ['E', 'Exigé'], ['S', 'Souhaité']];
const EXIGENCES_EXPERIENCE = [['', '(toutes)'], ['vide', '(vide)'], ['D', 'Débutant'], ['E', 'Exigé'], ['S', 'Souhaité']];
/** The width of the API's salary brackets (salaires-tranches.sql), in euros a year. */
const SALARY_STEP = 5000;
const OFFER_PAGE = 'https://candidat.francetravail.fr/offres/recherche/detail/';

const byCount = (a, b) => b.value - a.value || a.label.localeCompare(b.label, 'fr');

/** Rows of a criteria answer added up per label (one label may come with several requirement codes). */
function perLabel(json, labelField, keep = () => true) {
  const sums = new Map();
  json.filter(keep).forEach(row => {
    const label = row[labelField] ?? '(vide)';
    sums.set(label, (sums.get(label) ?? 0) + row.nb_occurences);
  });
  return [...sums].map(([label, value]) => ({ label, value })).sort(byCount);
}

const requirement = (selected, code) => !selected || (selected === 'vide' ? code == null : code === selected);

export const PAGES = [
  {
    title: "Toutes les offres récupérées avec l'API de France Travail",
    figures: [
      { id: 'offres', title: 'Les 100 offres les plus récemment créées', kind: 'liste', source: '/offre/liste_offres',
        headers: ['Offre ID', 'Intitulé', 'Métier data', 'Créée le', "Page de l'offre"],
        cells: row => [row.offre_id, row.intitule, row.metier_data ?? '(vide)', row.date_creation,
                       link(OFFER_PAGE + encodeURIComponent(row.offre_id), 'Voir l’offre', `Offre ${row.offre_id} sur francetravail.fr`)] },
      { id: 'metier', title: "Nombre d'offres par métier de la Data", kind: 'donut', source: '/stats/offres_par_metier',
        labelHeader: 'Métier data', share: true,
        rows: json => json.map(row => ({ label: row.metier_data ?? '(vide)', value: row.nb_offres })) },
      { id: 'jour', title: "Nombre d'offres créées par jour de la semaine", kind: 'colonnes', source: '/stats/offres_par_jour_creation',
        labelHeader: 'Jour de création',
        rows: json => json.map(row => ({ label: row.nom_jour, value: row.nb_offres })).sort((a, b) => b.value - a.value) },
    ],
  },
  {
    title: 'Compétences et Expériences',
    figures: [
      { id: 'competences', title: 'Top 10 des Compétences', kind: 'barres', source: '/criteres_recruteurs/competences',
        labelHeader: 'Compétence', slicer: { name: 'exigence_competence', label: 'Exigence Compétence', options: EXIGENCES_COMPETENCE },
        rows: (json, state) => perLabel(json, 'libelle', row => requirement(state.exigence_competence, row.code_exigence)).slice(0, 10) },
      { id: 'experiences', title: 'Top 5 des Expériences', kind: 'donut', source: '/criteres_recruteurs/experiences',
        labelHeader: 'Expérience', share: true,
        slicer: { name: 'exigence_experience', label: 'Exigence Expérience', options: EXIGENCES_EXPERIENCE },
        rows: (json, state) => perLabel(json, 'libelle', row => requirement(state.exigence_experience, row.code_exigence)).slice(0, 5) },
    ],
  },
  {
    title: 'Qualifications Professionnelles et Qualifications',
    figures: [
      { id: 'qualites', title: 'Top 10 des Qualifications Professionnelles', kind: 'barres',
        source: '/criteres_recruteurs/qualites_professionnelles', labelHeader: 'Qualité professionnelle',
        rows: json => perLabel(json, 'qualite_professionnelle').slice(0, 10) },
      { id: 'qualifications', title: 'Top 10 des Qualifications', kind: 'barres', source: '/criteres_recruteurs/qualifications',
        labelHeader: 'Qualification', rows: json => perLabel(json, 'qualification').slice(0, 10) },
    ],
  },
  {
    title: 'Localisation des offres',
    layout: 'trois',
    figures: [
      { id: 'carte-regions', title: "Carte des offres par région", kind: 'carte', map: 'regions', source: '/stats/classement/region',
        labelHeader: 'Région', rows: regions, point: (row, features) => features.get(row.code)?.cp },
      { id: 'carte-departements', title: 'Carte des offres par département', kind: 'carte', map: 'departements',
        source: '/stats/classement/departement', labelHeader: 'Département', rows: departements,
        point: (row, features) => features.get(row.code)?.cp },
      { id: 'carte-villes', title: 'Carte des offres par ville', kind: 'carte', map: 'departements', source: '/stats/classement/ville',
        labelHeader: 'Ville', rows: villes, needs: '/dashboard/communes.json', point: (row, features, communes) => communes[row.code] },
      { id: 'regions', title: "Nombre d'offres par région", kind: 'barres', source: '/stats/classement/region',
        labelHeader: 'Région', rows: regions },
      { id: 'departements', title: "Nombre d'offres par département", kind: 'barres', source: '/stats/classement/departement',
        labelHeader: 'Département', rows: departements },
      { id: 'villes', title: "Nombre d'offres par ville", kind: 'barres', source: '/stats/classement/ville',
        labelHeader: 'Ville', rows: villes },
    ],
  },
  {
    title: 'Mots-clés (compétences/outils data)',
    figures: [
      { id: 'mots-cles', title: "Nombre d'occurences des mots-clés dans la description des offres", kind: 'barres',
        source: '/stats/mots_cles', labelHeader: 'Mot-clé', rows: json => json.map(row => ({ label: row.mot_cle, value: row.nb_offres })) },
    ],
  },
  {
    title: 'Tendances des extractions',
    figures: [
      { id: 'tendances', title: "Offres disponibles et nouvelles par date d'extraction, par métier", kind: 'series', type: 'line',
        source: '/stats/tendances', labelHeader: "Date d'extraction", panelHeader: 'Métier data',
        note: "Une offre est disponible de sa première à sa dernière extraction ; « Offres dispo ONLY » est sans effet ici.",
        rows: tendances },
    ],
  },
  {
    title: 'Salaires',
    figures: [
      { id: 'salaires-lus', title: 'Salaires lus dans les offres, par métier', kind: 'series', type: 'bar', stack: true, share: true,
        source: '/stats/salaires', labelHeader: 'Métier data',
        note: 'Salaire lu : un salaire annuel ou mensuel que la règle de lecture comprend, ramené à l’année. '
          + 'Texte non lu (horaire, alternance, montant hors des bornes…) : compté, jamais deviné.',
        rows: json => perRow(json, [['Salaire lu', row => row.nb_salaires], ['Texte de salaire non lu', row => row.nb_textes_non_lus],
          ['Sans texte de salaire', row => row.nb_offres - row.nb_salaires - row.nb_textes_non_lus]]) },
      { id: 'salaires-quartiles', title: 'Salaire annuel par métier (milieu de la fourchette)', kind: 'series', type: 'bar',
        source: '/stats/salaires', labelHeader: 'Métier data', format: euro, empty: 'Aucun salaire lu dans ce filtre',
        note: "Un quart des salaires lus est sous le 1er quartile, la moitié sous la médiane, trois quarts sous le 3e quartile.",
        rows: json => perRow(json, [['1er quartile', row => row.premier_quartile], ['Médiane', row => row.mediane],
          ['3e quartile', row => row.troisieme_quartile]]) },
      { id: 'salaires-tranches', title: 'Répartition des salaires annuels par tranche de 5 000 €, par métier', kind: 'series', type: 'bar',
        source: '/stats/salaires/tranches', labelHeader: 'Salaire annuel', panelHeader: 'Métier data', empty: 'Aucun salaire lu dans ce filtre',
        rows: tranches },
    ],
  },
];

const metier = code => code ?? '(vide)';

/** One chart, a group of bars per métier (one row of the answer each), a series per measure. */
function perRow(json, measures) {
  return { categories: json.map(row => metier(row.metier_data)),
           panels: [{ series: measures.map(([name, value]) => ({ name, values: json.map(value) })) }] };
}

/**
 * Rows of (category, métier) as one panel per métier, in the API's order, with a series per measure; keys are
 * the categories' values of key(row) in order (a métier without a row for one counts 0), label writes them.
 */
function perMetier(json, key, keys, label, measures) {
  const panels = new Map();
  json.forEach(row => {
    const name = metier(row.metier_data);
    if (!panels.has(name)) {
      panels.set(name, measures.map(([title]) => ({ name: title, values: keys.map(() => 0) })));
    }
    measures.forEach(([, value], m) => { panels.get(name)[m].values[keys.indexOf(key(row))] = value(row); });
  });
  return { categories: keys.map(label), panels: [...panels].map(([name, series]) => ({ name, series })) };
}

function tendances(json) {
  const dates = [...new Set(json.map(row => row.date_extraction))].sort();
  return perMetier(json, row => row.date_extraction, dates, date,
    [['Offres disponibles', row => row.nb_offres_dispo], ['Offres nouvelles', row => row.nb_offres_nouvelles]]);
}

/** Every salary bracket from the lowest to the highest found: an empty one shows as 0, not as a gap. */
function tranches(json) {
  const found = json.map(row => row.tranche);
  const brackets = [];
  for (let bracket = Math.min(...found); bracket <= Math.max(...found); bracket += SALARY_STEP) {
    brackets.push(bracket);
  }
  return perMetier(json, row => row.tranche, brackets, bracket => `${nombre(bracket)} à ${nombre(bracket + SALARY_STEP - 1)} €`,
    [["Nombre d'offres", row => row.nb_offres]]);
}

function regions(json) {
  return json.map(row => ({ label: row.nom_region, code: row.code_region, value: row.nb_offres }));
}

function departements(json) {
  return json.map(row => ({ label: `${row.nom_departement} (${row.code_departement})`, code: row.code_departement, value: row.nb_offres }));
}

function villes(json) {
  return json.map(row => ({ label: `${row.ville} (${row.nom_departement})`, code: row.code_insee, value: row.nb_offres }));
}

function link(href, text, label) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.setAttribute('aria-label', label);
  a.rel = 'noopener';
  return a;
}
