// The feedback form's own texts (uk, ru, en): they travel with the form's chunk, not with
// the booking page's dictionary.
import type { Lang } from './i18n';

const en = {
  title: 'How was your visit?',
  hello: 'Hello, {name}!',
  visitOn: 'Your visit: {when}',
  ratingQ: 'Rate the visit',
  labels: ['Very bad', 'Bad', 'So-so', 'Good', 'Excellent'],
  starsOf: '{n} of 5 stars',
  npsQ: 'How likely are you to recommend us to a friend? (optional)',
  npsLow: '0 — not at all',
  npsHigh: '10 — definitely',
  npsClear: 'Clear',
  npsValue: 'Would recommend: {n} of 10',
  comment: 'Comment (optional)',
  commentHint: 'What did you like? What could we do better?',
  send: 'Send',
  sending: 'Sending…',
  saveChanges: 'Save the changes',
  cancelEdit: 'Keep it as it is',
  chooseRating: 'Please choose from 1 to 5 stars.',
  thanks: 'Thank you for your feedback!',
  thanksLow: 'Thank you for being honest. We are sorry it was not perfect: the salon will look into it.',
  yourAnswer: 'Your answer',
  editUntil: 'You can change it until {when}.',
  edit: 'Change my answer',
  already: 'You have already rated this visit.',
  locked: 'The answer can no longer be changed.',
  notYet: 'You can rate the visit once it is over.',
  closed: 'Feedback on this visit is no longer taken.',
  notFound: 'This link is not valid. Please check it.',
};

export type FeedbackTexts = typeof en;

const uk: FeedbackTexts = {
  title: 'Як пройшов ваш візит?',
  hello: 'Вітаємо, {name}!',
  visitOn: 'Ваш візит: {when}',
  ratingQ: 'Оцініть візит',
  labels: ['Дуже погано', 'Погано', 'Так собі', 'Добре', 'Чудово'],
  starsOf: '{n} з 5 зірок',
  npsQ: 'Наскільки ймовірно, що ви порекомендуєте нас друзям? (необов’язково)',
  npsLow: '0 — зовсім ні',
  npsHigh: '10 — точно так',
  npsClear: 'Очистити',
  npsValue: 'Порекомендуєте: {n} з 10',
  comment: 'Коментар (необов’язково)',
  commentHint: 'Що сподобалося? Що можна зробити краще?',
  send: 'Надіслати',
  sending: 'Надсилаємо…',
  saveChanges: 'Зберегти зміни',
  cancelEdit: 'Залишити як є',
  chooseRating: 'Оберіть від 1 до 5 зірок.',
  thanks: 'Дякуємо за відгук!',
  thanksLow: 'Дякуємо за чесність. Шкода, що не все було ідеально: салон обов’язково розбереться.',
  yourAnswer: 'Ваша відповідь',
  editUntil: 'Змінити її можна до: {when}.',
  edit: 'Змінити відповідь',
  already: 'Ви вже оцінили цей візит.',
  locked: 'Відповідь уже не можна змінити.',
  notYet: 'Оцінити візит можна буде після нього.',
  closed: 'Відгуки про цей візит уже не приймаються.',
  notFound: 'Посилання недійсне. Перевірте його, будь ласка.',
};

const ru: FeedbackTexts = {
  title: 'Как прошёл ваш визит?',
  hello: 'Здравствуйте, {name}!',
  visitOn: 'Ваш визит: {when}',
  ratingQ: 'Оцените визит',
  labels: ['Очень плохо', 'Плохо', 'Так себе', 'Хорошо', 'Отлично'],
  starsOf: '{n} из 5 звёзд',
  npsQ: 'Насколько вероятно, что вы порекомендуете нас друзьям? (необязательно)',
  npsLow: '0 — совсем нет',
  npsHigh: '10 — точно да',
  npsClear: 'Очистить',
  npsValue: 'Порекомендуете: {n} из 10',
  comment: 'Комментарий (необязательно)',
  commentHint: 'Что понравилось? Что можно сделать лучше?',
  send: 'Отправить',
  sending: 'Отправляем…',
  saveChanges: 'Сохранить изменения',
  cancelEdit: 'Оставить как есть',
  chooseRating: 'Выберите от 1 до 5 звёзд.',
  thanks: 'Спасибо за отзыв!',
  thanksLow: 'Спасибо за честность. Жаль, что не всё было идеально: салон обязательно разберётся.',
  yourAnswer: 'Ваш ответ',
  editUntil: 'Изменить его можно до: {when}.',
  edit: 'Изменить ответ',
  already: 'Вы уже оценили этот визит.',
  locked: 'Ответ уже нельзя изменить.',
  notYet: 'Оценить визит можно будет после него.',
  closed: 'Отзывы об этом визите уже не принимаются.',
  notFound: 'Ссылка недействительна. Проверьте её, пожалуйста.',
};

const TEXTS: Record<Lang, FeedbackTexts> = { en, uk, ru };

export function feedbackTexts(lang: Lang): FeedbackTexts {
  return TEXTS[lang] ?? en;
}
