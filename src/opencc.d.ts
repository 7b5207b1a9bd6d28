// Minimal typings for opencc-js (the package ships none).
declare module 'opencc-js' {
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}
