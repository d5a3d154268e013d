// Writes the metropolitan commune / postal code / department / region reference CSV read by
// fr.jobmarket.geo.GeoReference. Usage: node build-reference.mjs <package dir> <output csv>
// where <package dir> is an installed @etalab/decoupage-administratif (see regenerate-geo-reference.sh).
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const [packageDir, output] = process.argv.slice(2);
if (!packageDir || !output) {
  console.error('usage: node build-reference.mjs <@etalab/decoupage-administratif dir> <output csv>');
  process.exit(2);
}
const read = (name) => JSON.parse(readFileSync(join(packageDir, 'data', name), 'utf8'));
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

const HEADER = 'code_insee,nom_commune,code_postal,nom_ville,code_departement,nom_departement,code_region,nom_region';

// Metropolitan France (Corsica included) is zone "metro" in the data: 96 departments, 13 regions.
const departements = new Map(read('departements.json').filter((d) => d.zone === 'metro').map((d) => [d.code, d]));
const regions = new Map(read('regions.json').filter((r) => r.zone === 'metro').map((r) => [r.code, r]));
const communes = read('communes.json').filter((c) => c.zone === 'metro'
  && (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal'));

const byCode = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
// Paris, Lyon and Marseille: their postal codes belong to their municipal arrondissements, so the whole-city
// code gets one row with an empty postal code (as in the original's reference); a lookup by postal code
// then finds the arrondissement, not the whole city.
const citiesWithArrondissements = new Set(communes.filter((c) => c.type === 'arrondissement-municipal').map((c) => c.commune));

const problems = [];
const cell = (value, what) => {
  const text = value ?? '';
  if (/[,"\r\n]/.test(text)) {
    problems.push(`${what} holds a comma, quote or line break: ${text}`);
  }
  return text;
};

const rows = [];
for (const commune of communes) {
  const departement = departements.get(commune.departement);
  const region = regions.get(commune.region);
  if (!departement || !region) {
    problems.push(`commune ${commune.code}: unknown department ${commune.departement} or region ${commune.region}`);
    continue;
  }
  const nomVille = commune.type === 'arrondissement-municipal' ? byCode.get(commune.commune)?.nom : commune.nom;
  if (!nomVille) {
    problems.push(`arrondissement ${commune.code}: parent commune ${commune.commune} not found`);
    continue;
  }
  const postalCodes = citiesWithArrondissements.has(commune.code) || !commune.codesPostaux?.length
    ? [''] : [...new Set(commune.codesPostaux)];
  for (const codePostal of postalCodes) {
    rows.push([commune.code, commune.nom, codePostal, nomVille, departement.code, departement.nom, region.code, region.nom]
      .map((value, index) => cell(value, `commune ${commune.code} column ${index + 1}`)));
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));

const temporary = `${output}.tmp`;
writeFileSync(temporary, [HEADER, ...rows.map((row) => row.join(','))].join('\n') + '\n', 'utf8');
renameSync(temporary, output);

const distinct = (index) => new Set(rows.map((row) => row[index]).filter((v) => v !== '')).size;
console.log(`@etalab/decoupage-administratif ${version} -> ${output}`);
console.log(`rows ${rows.length}, communes ${distinct(0)}, postal codes ${distinct(2)}, departments ${distinct(4)}, `
  + `regions ${distinct(6)}, rows without postal code ${rows.filter((row) => row[2] === '').length}`);
