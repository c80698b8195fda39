// The region registry as the console shows it: English and native names, from regions-service, read once.
import {all} from './api.js';

let directory = null;

/** Every region by code: {code, name, nativeName, type, country, capital, signingAuthority, active}. */
export async function regions() {
  if (!directory) {
    directory = all('/api/regions').then(items => new Map(items.map(region => [region.code, region])))
      .catch(error => {
        directory = null;
        throw error;
      });
  }
  return directory;
}

/** Forget what was read (another token may see it differently, or it changed). */
export function forgetRegions() {
  directory = null;
}

// The language of each country's native names, so screen readers pronounce them and fonts fit them.
const LANGUAGES = {
  CN: 'zh-Hans', VN: 'vi', TH: 'th', ID: 'id', MY: 'ms', PH: 'fil', SG: 'en', BN: 'ms', KH: 'km', LA: 'lo', MM: 'my',
};

export function languageOf(code) {
  return LANGUAGES[code.slice(0, 2)] ?? null;
}

/** "Yunnan Province" for CN-YN, or the code itself when the registry does not know it. */
export function nameOf(known, code) {
  return known.get(code)?.name ?? code;
}
