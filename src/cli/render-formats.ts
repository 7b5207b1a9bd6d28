// The formats `gongkai render --to` offers, listed where the command line can read them without loading the
// renderers (or the generator, or anything a `check` run does not need). render-command.ts checks at compile
// time that this list and the renderer registry (render/index.ts RENDERERS) name the same formats.
export const ALL_FORMATS = ['md', 'html', 'txt', 'json', 'csv', 'docx', 'xlsx', 'pdf'] as const;
