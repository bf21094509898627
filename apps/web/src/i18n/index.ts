import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { en } from './en';
import { it } from './it';

export const LANGUAGES = ['it', 'en'] as const;
const KEY = 'ricarica.lang';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
const initial = stored === 'en' || stored === 'it' ? stored : 'it';

void i18n.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'it',
  interpolation: { escapeValue: false },
});
setApiLanguage(initial);
document.documentElement.lang = initial;

i18n.on('languageChanged', (lng) => {
  setApiLanguage(lng);
  document.documentElement.lang = lng;
  localStorage.setItem(KEY, lng);
});

export default i18n;
