// The booking page's own tiny dictionary (no i18next: the page must stay light).
// Language: ?lang=, else the visitor's saved choice, else the browser's languages.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'uk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['uk', 'ru', 'en'];
export const LANG_NAMES: Record<Lang, string> = { uk: 'Українська', ru: 'Русский', en: 'English' };
export const LANG_STORAGE_KEY = 'kvitka.booking.lang';

const en = {
  pageTitle: 'Online booking',
  language: 'Language',
  loading: 'Loading…',
  notFound: 'This salon was not found. Please check the link.',
  closed: 'Online booking is closed for now.',
  callUs: 'Call us:',
  network: 'No connection. Check the internet and try again.',
  retry: 'Try again',
  back: 'Back',
  next: 'Continue',
  stepOf: 'Step {n} of {total}: {name}',
  stepServices: 'Services',
  stepMaster: 'Master',
  stepTime: 'Day and time',
  stepDetails: 'Your details',
  stepConfirm: 'Check and book',
  noServices: 'No services can be booked online yet.',
  chooseServices: 'Choose one or several services.',
  otherServices: 'Other services',
  chosenCount: 'Chosen: {n}',
  durM: '{m} min',
  durH: '{h} h',
  durHM: '{h} h {m} min',
  repeat: 'Book again',
  anyMaster: 'Any master',
  anyMasterHint: 'The first free master',
  anyMasterLower: 'any master',
  withMaster: '{services} with {master}',
  chooseMaster: 'Choose a master.',
  noCommonMaster: 'No single master does all the chosen services: with "Any master" they are shared between masters.',
  noCommonMasterRequired: 'No single master does all the chosen services. Choose fewer services.',
  about: 'About',
  hide: 'Hide',
  tzNote: 'Times are local for the salon: {city} ({tz}).',
  tzDiffers: 'Your device is in another time zone.',
  prevWeek: 'Previous week',
  nextWeek: 'Next week',
  loadingTimes: 'Looking for free times…',
  timesFor: 'Free times: {day}',
  noSlots: 'No free times on this day.',
  noSlotsWeek: 'No free times this week.',
  waitlistOpen: 'No suitable time? Ask us to find one',
  waitlistTitle: 'Ask us to find a time',
  waitlistIntro: 'Tell us which days and hours suit you: the salon will contact you when a time is free.',
  dateFrom: 'From date',
  dateTo: 'To date',
  timeFrom: 'Not earlier than',
  timeTo: 'Not later than',
  waitlistSubmit: 'Send the request',
  waitlistDone: 'Thank you! The request is sent: the salon will contact you.',
  name: 'Name',
  phone: 'Phone',
  email: 'Email (optional)',
  comment: 'Comment (optional)',
  honeypot: 'Leave this field empty',
  consent: 'By booking you agree that the salon uses your name and phone to manage this booking and remind you of it.',
  services: 'Services',
  master: 'Master',
  when: 'When',
  duration: 'Duration',
  price: 'Price',
  client: 'Your details',
  change: 'Change',
  confirm: 'Book',
  sending: 'Booking…',
  doneTitle: 'You are booked!',
  status: 'Status',
  st_booked: "Waiting for the salon's confirmation",
  st_confirmed: 'Confirmed',
  st_arrived: 'In the salon',
  st_completed: 'Completed',
  st_no_show: 'Missed',
  st_cancelled: 'Cancelled',
  manageLink: 'View, move or cancel the booking',
  manageHint: 'Keep this link: with it you can see, move or cancel the booking.',
  addToCalendar: 'Add to calendar',
  bookAnother: 'Book another visit',
  yourBooking: 'Your booking: {when}',
  e_required: 'Please fill this in.',
  e_invalid_phone: 'Enter a phone number, for example +380 67 123 45 67.',
  e_invalid_email: 'Enter a valid email address.',
  e_too_long: 'This is too long.',
  e_must_be_empty: 'Leave this field empty.',
  e_not_available: 'This time is no longer free. Choose another one.',
  e_in_the_past: 'This time has already passed. Choose another one.',
  e_too_soon: 'This time is too soon to book online. Choose a later one.',
  e_too_far: 'This time is too far ahead. Choose an earlier one.',
  e_invalid: 'Please check this field.',
  slotTaken: 'Choose another time.',
  retryAfter: 'Please try again in {n} s.',
  manageTitle: 'Your booking',
  bookingNotFound: 'The booking was not found. Please check the link.',
  address: 'Address',
  map: 'Show on the map',
  total: 'Total',
  cancel: 'Cancel the booking',
  cancelQuestion: 'Cancel this booking?',
  cancelReason: 'Reason (optional)',
  cancelYes: 'Yes, cancel',
  keep: 'Keep it',
  cancelled: 'The booking is cancelled.',
  reschedule: 'Move to another time',
  rescheduleTo: 'Move to {when}',
  rescheduleClose: 'Do not move',
  moved: 'The booking is moved to {when}.',
  deadlineNote: 'The booking could be changed online until {deadline}. To move or cancel it, please call us:',
  closedNote: 'To change this booking, please call us:',
  bookAgain: 'Book again',
} as const;

export type Key = keyof typeof en;
type Dict = Record<Key, string>;

const uk: Dict = {
  pageTitle: 'Онлайн-запис',
  language: 'Мова',
  loading: 'Завантаження…',
  notFound: 'Салон не знайдено. Перевірте посилання.',
  closed: 'Онлайн-запис зараз закрито.',
  callUs: 'Телефонуйте:',
  network: "Немає зв'язку. Перевірте інтернет і спробуйте ще раз.",
  retry: 'Спробувати ще',
  back: 'Назад',
  next: 'Далі',
  stepOf: 'Крок {n} з {total}: {name}',
  stepServices: 'Послуги',
  stepMaster: 'Майстер',
  stepTime: 'День і час',
  stepDetails: 'Ваші дані',
  stepConfirm: 'Перевірте й запишіться',
  noServices: 'Онлайн-запис на послуги ще не відкрито.',
  chooseServices: 'Оберіть одну або кілька послуг.',
  otherServices: 'Інші послуги',
  chosenCount: 'Обрано: {n}',
  durM: '{m} хв',
  durH: '{h} год',
  durHM: '{h} год {m} хв',
  repeat: 'Записатися знову',
  anyMaster: 'Будь-який майстер',
  anyMasterHint: 'Перший вільний майстер',
  anyMasterLower: 'будь-який майстер',
  withMaster: '{services} — {master}',
  chooseMaster: 'Оберіть майстра.',
  noCommonMaster: 'Жоден майстер не робить усі обрані послуги: з «Будь-який майстер» їх розподілять між майстрами.',
  noCommonMasterRequired: 'Жоден майстер не робить усі обрані послуги. Оберіть менше послуг.',
  about: 'Про майстра',
  hide: 'Сховати',
  tzNote: 'Час місцевий для салону: {city} ({tz}).',
  tzDiffers: 'На вашому пристрої інший часовий пояс.',
  prevWeek: 'Попередній тиждень',
  nextWeek: 'Наступний тиждень',
  loadingTimes: 'Шукаємо вільний час…',
  timesFor: 'Вільний час: {day}',
  noSlots: 'Цього дня вільного часу немає.',
  noSlotsWeek: 'Цього тижня вільного часу немає.',
  waitlistOpen: 'Немає зручного часу? Попросіть нас знайти',
  waitlistTitle: 'Попросіть знайти час',
  waitlistIntro: 'Вкажіть зручні дні й години: салон зв’яжеться з вами, коли час звільниться.',
  dateFrom: 'З дати',
  dateTo: 'До дати',
  timeFrom: 'Не раніше',
  timeTo: 'Не пізніше',
  waitlistSubmit: 'Надіслати запит',
  waitlistDone: 'Дякуємо! Запит надіслано: салон зв’яжеться з вами.',
  name: "Ім'я",
  phone: 'Телефон',
  email: 'Email (необов’язково)',
  comment: 'Коментар (необов’язково)',
  honeypot: 'Залиште це поле порожнім',
  consent: 'Записуючись, ви погоджуєтеся, що салон використовує ваше ім’я й телефон для цього запису та нагадувань про нього.',
  services: 'Послуги',
  master: 'Майстер',
  when: 'Коли',
  duration: 'Тривалість',
  price: 'Ціна',
  client: 'Ваші дані',
  change: 'Змінити',
  confirm: 'Записатися',
  sending: 'Записуємо…',
  doneTitle: 'Ви записані!',
  status: 'Статус',
  st_booked: 'Очікує підтвердження салону',
  st_confirmed: 'Підтверджено',
  st_arrived: 'У салоні',
  st_completed: 'Завершено',
  st_no_show: 'Пропущено',
  st_cancelled: 'Скасовано',
  manageLink: 'Переглянути, перенести або скасувати запис',
  manageHint: 'Збережіть це посилання: за ним можна переглянути, перенести або скасувати запис.',
  addToCalendar: 'Додати в календар',
  bookAnother: 'Записатися ще',
  yourBooking: 'Ваш запис: {when}',
  e_required: 'Заповніть це поле.',
  e_invalid_phone: 'Введіть номер телефону, наприклад +380 67 123 45 67.',
  e_invalid_email: 'Введіть правильну адресу email.',
  e_too_long: 'Занадто довго.',
  e_must_be_empty: 'Залиште це поле порожнім.',
  e_not_available: 'Цей час уже зайнятий. Оберіть інший.',
  e_in_the_past: 'Цей час уже минув. Оберіть інший.',
  e_too_soon: 'На цей час уже не можна записатися онлайн. Оберіть пізніший.',
  e_too_far: 'Цей час занадто далеко. Оберіть раніший.',
  e_invalid: 'Перевірте це поле.',
  slotTaken: 'Оберіть інший час.',
  retryAfter: 'Спробуйте ще раз за {n} с.',
  manageTitle: 'Ваш запис',
  bookingNotFound: 'Запис не знайдено. Перевірте посилання.',
  address: 'Адреса',
  map: 'Показати на мапі',
  total: 'Разом',
  cancel: 'Скасувати запис',
  cancelQuestion: 'Скасувати цей запис?',
  cancelReason: 'Причина (необов’язково)',
  cancelYes: 'Так, скасувати',
  keep: 'Залишити',
  cancelled: 'Запис скасовано.',
  reschedule: 'Перенести на інший час',
  rescheduleTo: 'Перенести на {when}',
  rescheduleClose: 'Не переносити',
  moved: 'Запис перенесено на {when}.',
  deadlineNote: 'Змінити запис онлайн можна було до {deadline}. Щоб перенести чи скасувати його, зателефонуйте нам:',
  closedNote: 'Щоб змінити цей запис, зателефонуйте нам:',
  bookAgain: 'Записатися знову',
};

const ru: Dict = {
  pageTitle: 'Онлайн-запись',
  language: 'Язык',
  loading: 'Загрузка…',
  notFound: 'Салон не найден. Проверьте ссылку.',
  closed: 'Онлайн-запись сейчас закрыта.',
  callUs: 'Звоните:',
  network: 'Нет связи. Проверьте интернет и попробуйте ещё раз.',
  retry: 'Попробовать ещё',
  back: 'Назад',
  next: 'Далее',
  stepOf: 'Шаг {n} из {total}: {name}',
  stepServices: 'Услуги',
  stepMaster: 'Мастер',
  stepTime: 'День и время',
  stepDetails: 'Ваши данные',
  stepConfirm: 'Проверьте и запишитесь',
  noServices: 'Онлайн-запись на услуги ещё не открыта.',
  chooseServices: 'Выберите одну или несколько услуг.',
  otherServices: 'Другие услуги',
  chosenCount: 'Выбрано: {n}',
  durM: '{m} мин',
  durH: '{h} ч',
  durHM: '{h} ч {m} мин',
  repeat: 'Записаться снова',
  anyMaster: 'Любой мастер',
  anyMasterHint: 'Первый свободный мастер',
  anyMasterLower: 'любой мастер',
  withMaster: '{services} — {master}',
  chooseMaster: 'Выберите мастера.',
  noCommonMaster: 'Ни один мастер не делает все выбранные услуги: с «Любой мастер» их распределят между мастерами.',
  noCommonMasterRequired: 'Ни один мастер не делает все выбранные услуги. Выберите меньше услуг.',
  about: 'О мастере',
  hide: 'Скрыть',
  tzNote: 'Время местное для салона: {city} ({tz}).',
  tzDiffers: 'На вашем устройстве другой часовой пояс.',
  prevWeek: 'Предыдущая неделя',
  nextWeek: 'Следующая неделя',
  loadingTimes: 'Ищем свободное время…',
  timesFor: 'Свободное время: {day}',
  noSlots: 'В этот день свободного времени нет.',
  noSlotsWeek: 'На этой неделе свободного времени нет.',
  waitlistOpen: 'Нет удобного времени? Попросите нас найти',
  waitlistTitle: 'Попросите найти время',
  waitlistIntro: 'Укажите удобные дни и часы: салон свяжется с вами, когда время освободится.',
  dateFrom: 'С даты',
  dateTo: 'По дату',
  timeFrom: 'Не раньше',
  timeTo: 'Не позже',
  waitlistSubmit: 'Отправить запрос',
  waitlistDone: 'Спасибо! Запрос отправлен: салон свяжется с вами.',
  name: 'Имя',
  phone: 'Телефон',
  email: 'Email (необязательно)',
  comment: 'Комментарий (необязательно)',
  honeypot: 'Оставьте это поле пустым',
  consent: 'Записываясь, вы соглашаетесь, что салон использует ваше имя и телефон для этой записи и напоминаний о ней.',
  services: 'Услуги',
  master: 'Мастер',
  when: 'Когда',
  duration: 'Длительность',
  price: 'Цена',
  client: 'Ваши данные',
  change: 'Изменить',
  confirm: 'Записаться',
  sending: 'Записываем…',
  doneTitle: 'Вы записаны!',
  status: 'Статус',
  st_booked: 'Ожидает подтверждения салона',
  st_confirmed: 'Подтверждено',
  st_arrived: 'В салоне',
  st_completed: 'Завершено',
  st_no_show: 'Пропущено',
  st_cancelled: 'Отменено',
  manageLink: 'Посмотреть, перенести или отменить запись',
  manageHint: 'Сохраните эту ссылку: по ней можно посмотреть, перенести или отменить запись.',
  addToCalendar: 'Добавить в календарь',
  bookAnother: 'Записаться ещё',
  yourBooking: 'Ваша запись: {when}',
  e_required: 'Заполните это поле.',
  e_invalid_phone: 'Введите номер телефона, например +380 67 123 45 67.',
  e_invalid_email: 'Введите правильный адрес email.',
  e_too_long: 'Слишком длинно.',
  e_must_be_empty: 'Оставьте это поле пустым.',
  e_not_available: 'Это время уже занято. Выберите другое.',
  e_in_the_past: 'Это время уже прошло. Выберите другое.',
  e_too_soon: 'На это время уже нельзя записаться онлайн. Выберите более позднее.',
  e_too_far: 'Это время слишком далеко. Выберите более раннее.',
  e_invalid: 'Проверьте это поле.',
  slotTaken: 'Выберите другое время.',
  retryAfter: 'Попробуйте ещё раз через {n} с.',
  manageTitle: 'Ваша запись',
  bookingNotFound: 'Запись не найдена. Проверьте ссылку.',
  address: 'Адрес',
  map: 'Показать на карте',
  total: 'Итого',
  cancel: 'Отменить запись',
  cancelQuestion: 'Отменить эту запись?',
  cancelReason: 'Причина (необязательно)',
  cancelYes: 'Да, отменить',
  keep: 'Оставить',
  cancelled: 'Запись отменена.',
  reschedule: 'Перенести на другое время',
  rescheduleTo: 'Перенести на {when}',
  rescheduleClose: 'Не переносить',
  moved: 'Запись перенесена на {when}.',
  deadlineNote: 'Изменить запись онлайн можно было до {deadline}. Чтобы перенести или отменить её, позвоните нам:',
  closedNote: 'Чтобы изменить эту запись, позвоните нам:',
  bookAgain: 'Записаться снова',
};

const DICTS: Record<Lang, Dict> = { en, uk, ru };

export type T = (key: Key, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): T {
  const dict = DICTS[lang];
  return (key, vars) => {
    const s: string = dict[key] ?? en[key] ?? key;
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
  };
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** "uk-UA" -> uk, "ru" -> ru, "en-GB" -> en, anything else -> null. */
export function normalizeLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const p = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (p === 'ua') return 'uk';
  return isLang(p) ? p : null;
}

/** ?lang= wins, then the saved choice, then the first browser language we have, then English. */
export function pickLang(param: string | null, saved: string | null, browser: readonly string[]): Lang {
  const fromParam = normalizeLang(param);
  if (fromParam) return fromParam;
  if (isLang(saved)) return saved;
  for (const tag of browser) {
    const l = normalizeLang(tag);
    if (l) return l;
  }
  return 'en';
}

export function readSavedLang(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // storage disabled (private mode, sandboxed iframe): the switch still works
  }
}

export interface I18n {
  lang: Lang;
  t: T;
}

export const I18nContext = createContext<I18n>({ lang: 'en', t: translator('en') });
export const useI18n = () => useContext(I18nContext);
