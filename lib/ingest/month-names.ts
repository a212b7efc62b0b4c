/** English and German month names and abbreviations, lower case, to month number 1–12. */
const NAMES: Array<[number, string[]]> = [
  [1, ["jan", "january", "januar", "jän", "jänner", "janv", "janvier"]],
  [2, ["feb", "february", "februar", "febr", "fév", "février"]],
  [3, ["mar", "march", "mär", "märz", "maerz", "mrz", "mars"]],
  [4, ["apr", "april", "avr", "avril"]],
  [5, ["may", "mai"]],
  [6, ["jun", "june", "juni", "juin"]],
  [7, ["jul", "july", "juli", "juil", "juillet"]],
  [8, ["aug", "august", "aoû", "août"]],
  [9, ["sep", "sept", "september", "septembre"]],
  [10, ["oct", "october", "okt", "oktober", "octobre"]],
  [11, ["nov", "november", "novembre"]],
  [12, ["dec", "december", "dez", "dezember", "déc", "décembre"]],
];

export const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  NAMES.flatMap(([month, names]) => names.map((name): [string, number] => [name, month])),
);
