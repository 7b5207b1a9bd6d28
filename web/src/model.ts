// The web app's one door to the model: the `gongkai/model` entry (types, templates, checkReport) plus the
// analysis result shapes. Nothing here is redeclared; pages import from this file.
export * from 'gongkai/model';
export type * from '../../src/model/analysis.js';
