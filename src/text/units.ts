/**
 * Units of measure and currencies as news writes them, with the unit a figure
 * records. Measures keep the unit as written, lower-cased ("km", "tonnes",
 * "hours"); currencies become ISO 4217 codes where the symbol or word is
 * unambiguous.
 */

/** Measure units after a number; the pattern tries the longest first, so "square kilometres" wins over "kilometres" and "km/h" over "km". */
const MEASURE_UNITS = [
  'square kilometres', 'square kilometers', 'square kilometre', 'square kilometer', 'square miles', 'square mile', 'square metres', 'square meters', 'square feet', 'sq km', 'sq mi',
  'cubic metres', 'cubic meters', 'cubic kilometres', 'cubic kilometers', 'cubic km', 'metric tons', 'metric tonnes',
  'kilometres', 'kilometers', 'kilometre', 'kilometer', 'km', 'miles', 'mile', 'metres', 'meters', 'metre', 'meter', 'm', 'cm', 'mm', 'feet', 'foot', 'ft', 'inches', 'inch', 'yards', 'yard',
  'kilograms', 'kilogram', 'kg', 'grams', 'gram', 'g', 'tonnes', 'tonne', 'tons', 'ton', 'pounds', 'pound', 'lbs', 'lb', 'ounces', 'ounce', 'oz',
  'litres', 'liters', 'litre', 'liter', 'gallons', 'gallon', 'barrels per day', 'barrels a day', 'barrels', 'barrel', 'bpd', 'ml',
  'hectares', 'hectare', 'ha', 'acres', 'acre',
  'megawatts', 'megawatt', 'MW', 'gigawatts', 'gigawatt', 'GW', 'kilowatts', 'kWh', 'kW', 'volts', 'watts',
  'degrees Celsius', 'degrees Fahrenheit', 'degrees', '°C', '°F', 'C', 'F',
  // Interest rates and yields move in basis points (hundredths of a percentage point).
  'basis points', 'basis point', 'bps', 'bp',
  'mph', 'km/h', 'kph', 'knots',
  'centuries', 'century', 'decades', 'decade', 'years', 'year', 'months', 'month', 'weeks', 'week', 'days', 'day', 'hours', 'hour', 'minutes', 'minute', 'seconds', 'second',
  'bytes', 'gigabytes', 'terabytes', 'GB', 'TB', 'MB',
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A measure unit word, as a regular expression source (whole word). */
export const MEASURE_UNIT_WORD = `(?:${[...MEASURE_UNITS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`;

/** Units that are also common words or letters: they only count right after digits ("5 m", "10 g"), never after words ("a m"). */
export const DIGIT_ONLY_UNITS = new Set(['m', 'g', 'ha', 'ft', 'oz', 'lb', 'MW', 'GW', 'GB', 'TB', 'MB', 'kW', 'C', 'F', 'bp', 'bps']);

/** Units of time: a figure in them is a duration. */
export const TIME_UNITS = new Set(['centuries', 'century', 'decades', 'decade', 'years', 'year', 'months', 'month', 'weeks', 'week', 'days', 'day', 'hours', 'hour', 'minutes', 'minute', 'seconds', 'second']);

/** Currency symbols and prefixes before a number, longest first, with their codes. */
export const CURRENCY_SYMBOLS: [string, string][] = [
  ['US$', 'USD'], ['HK$', 'HKD'], ['NT$', 'TWD'], ['A$', 'AUD'], ['AU$', 'AUD'], ['C$', 'CAD'], ['CA$', 'CAD'], ['NZ$', 'NZD'], ['S$', 'SGD'], ['R$', 'BRL'],
  ['USD', 'USD'], ['EUR', 'EUR'], ['GBP', 'GBP'], ['CNY', 'CNY'], ['RMB', 'CNY'], ['JPY', 'JPY'], ['INR', 'INR'], ['CHF', 'CHF'], ['Rs.', 'INR'], ['Rs', 'INR'],
  ['$', 'USD'], ['£', 'GBP'], ['€', 'EUR'], ['¥', 'CNY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₺', 'TRY'],
];

/** Currency words after a number, with their codes. */
export const CURRENCY_WORDS: [string, string][] = [
  ['US dollars', 'USD'], ['U.S. dollars', 'USD'], ['Hong Kong dollars', 'HKD'], ['Australian dollars', 'AUD'], ['Canadian dollars', 'CAD'], ['Singapore dollars', 'SGD'],
  ['dollars', 'USD'], ['dollar', 'USD'], ['yuan', 'CNY'], ['renminbi', 'CNY'], ['RMB', 'CNY'], ['euros', 'EUR'], ['euro', 'EUR'], ['pounds sterling', 'GBP'], ['sterling', 'GBP'],
  ['yen', 'JPY'], ['rupees', 'INR'], ['rupee', 'INR'], ['won', 'KRW'], ['rubles', 'RUB'], ['roubles', 'RUB'], ['pesos', 'MXN'], ['francs', 'CHF'], ['baht', 'THB'], ['ringgit', 'MYR'], ['rand', 'ZAR'], ['lira', 'TRY'], ['naira', 'NGN'], ['shekels', 'ILS'],
  ['zlotys', 'PLN'], ['zloty', 'PLN'], ['forints', 'HUF'], ['forint', 'HUF'], ['hryvnias', 'UAH'], ['hryvnia', 'UAH'], ['Swiss francs', 'CHF'], ['dirhams', 'AED'], ['riyals', 'SAR'],
  ['USD', 'USD'], ['EUR', 'EUR'], ['GBP', 'GBP'], ['CNY', 'CNY'], ['JPY', 'JPY'],
  // Subunits have no code of their own: the word is the unit.
  ['cents', 'cents'], ['pence', 'pence'],
];
