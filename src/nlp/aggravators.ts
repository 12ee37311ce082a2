/**
 * A person taking a known aggravator ("I've been taking Benadryl to sleep", "my doctor put me
 * on sertraline") on a page about RLS. Needs an intake verb next to the mention, a person in the
 * clause, and no negation, stopping or condition anywhere near.
 */
import { isNegated } from './cues';
import { clauseAround, type Sentence } from './text';

const INTAKE_VERBS = new Set([
  'take', 'takes', 'took', 'taking', 'taken', 'use', 'uses', 'using', 'prescribed', 'started', 'starting',
  'start', 'pop', 'pops', 'popped', 'popping', 'having', 'drink', 'drinks', 'drinking', 'drank', 'tried',
  'trying', 'gave', 'given', 'gives', 'needed', 'need', 'rely', 'relied',
]);
const PERSONS = new Set([
  'i', 'me', 'my', 'we', 'our', 'us', 'he', 'she', 'his', 'her', 'him', 'mom', 'mum', 'mother', 'dad', 'father',
  'husband', 'wife', 'son', 'daughter', 'friend', 'partner', 'sister', 'brother', 'grandmother', 'grandma',
  'grandfather', 'grandpa', 'aunt', 'uncle', 'boyfriend', 'girlfriend', 'patient', 'mine',
]);
const HYPOTHETICAL = new Set(['if', 'unless', 'whether', 'should', 'avoid', 'avoiding']);
/** Stopping or cutting down anywhere in the sentence ends it: "I was on Benadryl for years until I quit". */
const STOPPED = new Set([
  'stopped', 'quit', 'discontinued', 'weaned', 'tapered', 'ditched', 'longer',
  // Cutting down is the opposite of taking it: "trying to cut coffee for my RLS".
  'cut', 'cutting', 'reduce', 'reducing', 'reduced', 'limit', 'limiting', 'quitting', 'stopping', 'ditching',
]);

/** Does the mention at tokens [from, to) describe someone taking it? */
export function describesIntake(sentence: Sentence, from: number, to: number): boolean {
  const words = sentence.tokens.map((t) => t.word);
  const [cf, ct] = clauseAround(sentence, from);
  if (words.some((w) => STOPPED.has(w))) return false;
  if (isNegated(words, cf, ct, from, to)) return false;
  for (let i = cf; i < ct; i++) if (HYPOTHETICAL.has(words[i]!)) return false;
  let person = false;
  for (let i = cf; i < ct; i++) if (PERSONS.has(words[i]!)) person = true;
  if (!person) return false;

  // The verb before the mention ("I take Benadryl", "started taking an antidepressant")...
  for (let i = Math.max(cf, from - 5); i < from; i++) {
    if (INTAKE_VERBS.has(words[i]!)) return true;
    // ..."on" right before it ("been on sertraline", "put me on an antidepressant").
    if (words[i] === 'on' && from - i <= 2) return true;
  }
  // ...or after it, with its subject ("the antihistamine I take").
  for (let i = to; i < Math.min(ct, to + 3); i++) {
    if (INTAKE_VERBS.has(words[i]!) && PERSONS.has(words[i - 1] ?? '')) return true;
  }
  return false;
}
