/** `--name value` and `--name=value` pairs, refusing a name not in `known` (with the list). */
export function parseFlags(argv: string[], known: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].replace(/^--/, '').split('=');
    if (!known.includes(name))
      throw new Error(`Unknown flag --${name} (known: ${known.map((flag) => `--${flag}`).join(', ')})`);
    flags.set(name, inline ?? argv[++i] ?? '');
  }
  return flags;
}
