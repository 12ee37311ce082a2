/**
 * Synthetic pages for the benchmark, built deterministically: a 20 KB blog post, a 1 MB-text
 * health page, and a 100 KB page with no candidate term at all.
 */
const WITH_TERMS = [
  'Many readers with restless legs syndrome ask whether magnesium citrate helps at night.',
  'My neurologist said ropinirole can cause augmentation, so we talked about other options.',
  'A ferritin test came back low, and iron supplements were started after the result.',
  'Some people rub magnesium oil on their calves before bed, but the evidence is thin.',
  'RLS symptoms often get worse in the evening and ease when you walk around.',
  'She stopped taking Requip only after a slow, planned taper with her doctor.',
];
const WITHOUT_TERMS = [
  'The evening walk along the canal took longer than usual because of the wind.',
  'We planted two rows of beans and a short row of lettuce beside the shed.',
  'The library opens at nine on weekdays and at ten on Saturdays.',
  'A good night of sleep starts with a regular time to go to bed and to get up.',
  'The recipe calls for a cup of oats, a pinch of salt and a handful of raisins.',
  'Our neighbour repaired the fence after the storm knocked two panels down.',
  'The train was late, so the meeting started without the visitors from the north.',
  'Read the label carefully and keep every bottle out of reach of children.',
];

function page(title: string, paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article><h1>${title}</h1>\n${body}\n</article></main></body></html>\n`;
}

/** Paragraphs of about 400 characters, one term-bearing sentence in every `every` sentences. */
function paragraphs(targetChars: number, every: number | null): string[] {
  const out: string[] = [];
  let length = 0;
  let i = 0;
  while (length < targetChars) {
    const sentences: string[] = [];
    for (let s = 0; s < 5; s++, i++) {
      const useTerm = every !== null && i % every === 0;
      sentences.push(useTerm ? WITH_TERMS[i % WITH_TERMS.length]! : WITHOUT_TERMS[i % WITHOUT_TERMS.length]!);
    }
    const text = sentences.join(' ');
    out.push(text);
    length += text.length + 1;
  }
  return out;
}

export function syntheticPages(): Array<{ name: string; html: string }> {
  return [
    { name: 'synthetic/blog-20k.html', html: page('Magnesium and restless legs: a reader asks', paragraphs(20_000, 3)) },
    { name: 'synthetic/health-1mb.html', html: page('The long restless legs health forum archive', paragraphs(1_000_000, 3)) },
    { name: 'synthetic/no-terms-100k.html', html: page('Notes from the allotment', paragraphs(100_000, null)) },
  ];
}

/** A health page dense with mentions: every sentence names a term, until `mentions` terms are on it (about 1.5 per sentence). */
export function pageWithMentions(mentions: number): string {
  const sentences = Math.ceil(mentions / 1.5);
  const out: string[] = [];
  for (let i = 0; i < sentences; i += 5) {
    out.push(Array.from({ length: 5 }, (_, s) => WITH_TERMS[(i + s) % WITH_TERMS.length]!).join(' '));
  }
  return page('The restless legs syndrome forum: every reply', out);
}
