/**
 * Turns a list of phrases into one trie-shaped regex source: "magnesium", "magnesium oil"
 * and "magnesium citrate" become `magnesium(?:<sep>(?:citrate|oil))?`. The regex engine then
 * follows one branch per character instead of trying every alternative at every position,
 * and greedy optional groups make the longest phrase win.
 */
interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

/**
 * @param phrases lower-case phrases, words separated by single spaces
 * @param charSource regex source for one character of a phrase (a space stands for any word
 *   separator, an apostrophe for either apostrophe)
 */
export function trieRegexSource(phrases: Iterable<string>, charSource: (char: string) => string): string {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const phrase of phrases) {
    let node = root;
    for (const char of phrase) {
      let next = node.children.get(char);
      if (!next) {
        next = { children: new Map(), terminal: false };
        node.children.set(char, next);
      }
      node = next;
    }
    node.terminal = true;
  }
  return branches(root, charSource);
}

function branches(node: TrieNode, charSource: (char: string) => string): string {
  const options = [...node.children.keys()]
    .sort()
    .map((char) => {
      // Follow single-child chains as one literal run, so the regex stays short.
      let path = charSource(char);
      let next = node.children.get(char)!;
      while (next.children.size === 1 && !next.terminal) {
        const [onlyChar, onlyChild] = [...next.children][0]!;
        path += charSource(onlyChar);
        next = onlyChild;
      }
      const rest = next.children.size > 0 ? branches(next, charSource) : '';
      if (!rest) return path;
      return next.terminal ? `${path}(?:${rest})?` : `${path}${rest.includes('|') ? `(?:${rest})` : rest}`;
    });
  return options.length > 1 ? options.join('|') : (options[0] ?? '');
}
