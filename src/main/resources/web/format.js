// French number, share and date formats for the cards, the charts and their tables.
const numbers = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const shares = new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const nombre = value => numbers.format(value);

/** A yearly salary in euros (45 000 €); none: a dash. */
export const euro = value => (value == null ? '–' : euros.format(value));

export const part = (value, total) => (total > 0 ? shares.format(value / total) : '–');

/** 2025-07-24 as 24/07/2025. */
export const date = iso => (iso ? iso.split('-').reverse().join('/') : '–');
