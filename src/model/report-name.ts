// What a report's name looks like, defined once for every place that looks for it: 〔body〕2022年度政府信息公开工作
// 年度报告 — a year, then (的)(政府)信息公开 or 政务公开, (工作)(的)(年度), 报告 or 年报. The title finder
// (recognise/metadata.ts) and the agency finder's name quoted in prose (recognise/agency-text.ts) read it in text
// without spaces (squeeze); the not-a-report rule and a page's <title> (readers/html-page-title.ts) look for it in
// text as printed, where other words or spaces may stand between its parts (REPORT_NAME_LOOSE). Each caller adds
// its own reach around these (a body before the year, the year after the name in brackets, a closing 》).
// Node-free: the web app may use it to check a title as it is typed.

/** The words after the year: (的)(政府)信息公开 or 政务公开, (工作)(的)(年度), 报告 or 年报 (a RegExp source). */
export const REPORT_WORDS = '(?:的)?(?:(?:政府)?信息|政务)公开(?:工作)?(?:的)?(?:年度)?(?:报告|年报)';

/** A year and the report's words: 2022年度政府信息公开工作年度报告 (a RegExp source; group 1: the year). */
export const YEAR_AND_REPORT_WORDS = `(\\d{4})年度?${REPORT_WORDS}`;

/** The report's words as printed, up to 8 other characters between 公开 and 报告/年报 (a RegExp source). */
export const REPORT_NAME_LOOSE = '(?:信息|政务)公开.{0,8}(?:报告|年报)';
