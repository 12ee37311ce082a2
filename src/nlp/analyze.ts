/**
 * The language-analysis module: text + dataset in, findings out. Pure (no DOM, no extension
 * API), so the content script and the command-line auditor run the same code.
 *
 * createAnalyzer precompiles per dataset (claim patterns → parsed compromise matches with a
 * word prefilter, dose limits per entry, entry kinds); analyze() parses with compromise/one
 * only the pieces of text (sentences, cut at sure boundaries) that hold a mention.
 */
import type { Dataset, Entry } from '../dataset/schema';
import { describesIntake } from './aggravators';
import { attachDose, namesSubstance, type LocalMention } from './attach';
import { compileClaims, sweepClaims, type CompiledClaim } from './claims';
import { isNegated, polarity } from './cues';
import { claimFeatures, claimScore, INTAKE_VETO_BELOW, RAISE_ABOVE, VETO_BELOW } from './claim-model';
import { disputed, findFrames, forOtherCondition, isQuestion, learnedFrame, warmUpCues } from './frames';
import { countsUnits, dailyMilligrams, findBareDosePhrases, findDosePhrases, indicationCues, indicationFor, round, toMilligrams, type DosePhrase } from './doses';
import { judgeDose, limitsFor, limitsOf, populationCue, type EntryLimits, type PopulationCue } from './limits';
import { firstAfter, lastAtOrBefore, parseChunk, piecesAround, safeBoundaries, tokenRange, clauseAround, type Sentence } from './text';
import { adjoins, carriedThrough, carriesTo, topicOf, type Topic } from './topic';
import type { Analysis, Analyzer, DoseFinding, TextMention } from './types';

export type * from './types';

/** A sentence that goes on about the person the one before named ("My daughter is 6. She takes ..."). */
const SAME_PERSON = /^\W*(?:she|he|they|her|his)\b/i;
/** A sentence about people, not a product's name ("My son is 7 and has RLS"). */
const TOLD_OF_SOMEONE = /\b(?:i|me|my|he|she|his|her|we|our|they|their|is|was|has|have|had)\b/i;
/** A product's name line, as long as such names run ("Tiny Dreams Magnesium Drops, for ages 1-3"). */
const LABEL_NAME_WORDS = 10;
/** Sentences past a piece that may still go on about its topic. */
const FOLLOWING_SENTENCES = 2;
/** A sentence that gives a further part of the day's dose ("Then another 200 mg before bed."). */
const ANOTHER_PART = /^\W*(?:(?:and|then|plus|also)\s+)*(?:another|a\s+further|an\s+extra|a\s+second)\b/i;
/** A unit of dose or a count of tablets: a sentence past a piece may give the topic's dose. */
const DOSE_WORDS =
  /\d\s*(?:mg|mcg|g|iu|ml)\b|\b(?:milligrams?|micrograms?|grams?|tablets?|tabs?|capsules?|caps|pills?|softgels?|gummies|gummy|scoops?|drops|droppers?|patch(?:es)?|another|more)\b/i;
/** A pronoun stands for a treatment, not for the condition. */
const CONTINUATION_EXCLUDED = new Set<Entry['kind']>(['condition', 'complication']);
/** Entry kinds a dose can be of. */
const DOSE_KINDS = new Set<Entry['kind']>(['drug', 'supplement', 'aggravator']);
/** Entry kinds whose amounts may be food amounts rather than supplements. */
const DIETARY_KINDS = new Set<Entry['kind']>(['supplement', 'food']);

const DIETARY =
  /\b(?:foods?|diet(?:s|ary)?|eat(?:s|ing)?|ate|contains?|containing|provides?|providing|rich\s+in|sources?\s+of|rdas?|recommended\s+(?:daily|dietary)\s+(?:allowance|intake|amount)|daily\s+value|needs?|required|requires|requirements?|should\s+get|get\s+at\s+least|intake|nuts|seeds|spinach|almonds|cashews|avocados?|beans|legumes|whole\s+grains|chocolate|bananas?|per\s+100\s*g|servings?\s+of)\b/i;
const SUPPLEMENTAL =
  /\b(?:take|takes|took|taking|taken|supplement(?:s|ed|ing|ation)?|pills?|tablets?|capsules?|caps|softgels?|gummies|powder|doses?|dosage|dosing|prescribed|pop(?:s|ped|ping)?|glycinate|bisglycinate|citrate|oxide|chloride|malate|threonate|taurate|sulfate|sulphate|orotate|lactate|gluconate|aspartate|elemental|chelated|bedtime)\b/i;
/** A supplement label's directions in the next sentence: the amount before them is a supplement's, not food's. */
const LABEL_DIRECTIONS = /^\W*(?:directions|suggested\s+use|to\s+use)\b|^\W*(?:take|give|mix|dissolve|chew|swallow)\s+(?:\d+|one|two|three|four|half)\b/i;
const LISTING = /\b(?:available|comes?\s+in|supplied\s+(?:in|as)|strengths|in\s+(?:\w+\s+)?strengths?\s+of|tablet\s+sizes?|formulations?\s+of)\b/i;
/** The sentence warns about the aggravator or reports a switch away from it: no intake flag. */
const WARNS =
  /\b(?:(?:can|may|might|could|will)\s+(?:actually\s+|really\s+|definitely\s+)?(?:make|worsen|aggravate|trigger)|switched|(?:got|get|gets|getting|became|become|went)\s+(?:\w+\s+){0,2}worse|worst|made\s+(?:my\s+|his\s+|her\s+)?(?:rls|legs?|restless\s+legs|symptoms)\s+(?:\w+\s+)?worse|worse\s+than|awful|terrible|horrible|unbearable|never\s+again|(?:are|is)\s+new|since\s+(?:starting|i\s+started))\b/i;
/** The sentence itself says the amount is over a limit ("double the 350 mg upper limit"): the page has already warned. */
const OVER_THE_LIMIT =
  /\b(?:above|over|exceeds?|exceeding|double|twice|triple|beyond|more\s+than)\s+(?:the\s+)?(?:[\d.,]+\s*(?:mg|milligrams?)\s+)?(?:(?:safe|upper|daily|recommended|tolerable|labell?ed|label|maximum)\s+)*(?:limit|maximum|max)\b/i;
const SALT = /ferrous|ferric|sulfate|sulphate|gluconate|fumarate|glycinate|citrate|oxide|chloride|carbonate|succinate/i;

export function createAnalyzer(dataset: Pick<Dataset, 'entries' | 'claims'>): Analyzer {
  const entries = new Map(dataset.entries.map((e) => [e.id, e]));
  const limits = new Map<string, EntryLimits>(dataset.entries.map((e) => [e.id, limitsOf(e)]));
  /** Entries whose dose limit is in milligrams: a strength written without a unit is theirs in mg. */
  const inMilligrams = new Set(
    [...limits].filter(([, l]) => { const n = l.rlsMax ?? l.upper; return n !== undefined && toMilligrams(1, n.unit) === 1; }).map(([id]) => id),
  );
  const aggravators = new Set(
    dataset.entries.filter((e) => e.kind === 'aggravator' || e.verdict === 'can-worsen-rls').map((e) => e.id),
  );
  const claims = compileClaims(dataset.claims);

  let prepared = false;
  return {
    *prepare() {
      if (prepared) return;
      prepared = true;
      yield* warmUpCues();
    },
    analyze(input) {
      const { text } = input;
      const analysis: Analysis = { contexts: [], doses: [], claims: [], aggravators: [] };
      const mentions = input.mentions
        .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= text.length && m.start < m.end)
        .sort((a, b) => a.start - b.start || a.id - b.id);
      if (mentions.length === 0) return analysis;

      const isTreatment = (m: TextMention) => !CONTINUATION_EXCLUDED.has(entries.get(m.entryId)?.kind ?? 'condition');
      /** Frames of one sentence, unless it already flags a mention as an aggravator taken. */
      const framesOf = (sentence: Sentence, sentenceText: string, about: readonly TextMention[], previousText: string | undefined) => {
        const span = { start: sentence.start, end: sentence.end };
        if (analysis.aggravators.some((a) => a.sentence.start === span.start)) return;
        const context = { sentence, text, sentenceText, mentions: about, entries, pageAboutRls: input.pageAboutRls };
        const withPrevious = previousText === undefined ? context : { ...context, previousText };
        const found = findFrames(withPrevious);
        // The words the lists missed, when the model is sure (claim-model.ts).
        if (found.length === 0) {
          // Read with the sentence before, not after: a claim in the next sentence is that sentence's own.
          const learned = learnedFrame(withPrevious, () => {
            const features = claimFeatures(`${previousText ?? ''} ${sentenceText}`);
            return claimScore(features) > RAISE_ABOVE ? features : undefined;
          });
          if (learned) found.push(learned);
        }
        for (const hit of found) analysis.aggravators.push({ ...hit, sentence: span, sentenceText, flagged: true });
      };
      /** A sentence with the one after it, where a page answers what it quotes: the stretch a claim is read in. */
      const windowAfter = (span: { start: number; end: number }) => {
        const next = sentenceAfter(text, span.end, bounds);
        return `${text.slice(span.start, span.end)} ${next ? text.slice(next.start, next.end) : ''}`;
      };
      // What the sentences that name no treatment are about (topic.ts); it runs on across pieces
      // as long as nothing unread lies between.
      let topic: Topic | undefined;
      /** A sentence without a treatment of its own: about the topic, when it goes on about it. */
      const followTopic = (sentence: Sentence, sentenceText: string, own: readonly TextMention[], previousText: string | undefined) => {
        const carried = topic && carriesTo(topic, text, sentence, sentenceText) ? topic : undefined;
        if (carried || own.length > 0) framesOf(sentence, sentenceText, [...(carried?.mentions ?? []), ...own], carried?.sentenceText ?? previousText);
        // "My doctor put me on ropinirole. I take 2 mg three times a day.": an amount with no name is the topic's.
        const dosed = topic && adjoins(topic, text, sentence) ? doseTopic(topic) : undefined;
        let doses: DoseFinding[] = [];
        if (dosed) {
          const next = sentenceAfter(text, sentence.end, bounds);
          const prior = ANOTHER_PART.test(sentenceText) ? analysis.doses.findLast((d) => d.mentionId === dosed.id && d.sentence.end <= sentence.start) : undefined;
          const from = { mention: dosed, mentionText: text.slice(dosed.start, dosed.end), topicText: topic!.sentenceText, ...(prior ? { prior } : {}) };
          doses = dosesIn(sentence, sentenceText, own, input.pageAboutRls, next && text.slice(next.start, next.end), topic!.sentenceText, from);
          analysis.doses.push(...doses);
        }
        const kept = carried ?? (dosed && doses.length > 0 ? topic : undefined);
        topic = kept && carriedThrough(kept, text, sentence);
      };
      /** The one mention whose amounts a topic's next sentence may give: a single drug or supplement. */
      const doseTopic = (about: Topic): TextMention | undefined => {
        const [first] = about.mentions;
        if (!first || about.mentions.some((m) => m.entryId !== first.entryId)) return undefined;
        return DOSE_KINDS.has(entries.get(first.entryId)?.kind ?? 'condition') ? first : undefined;
      };
      /** A sentence naming treatments sets the topic, unless one of them is flagged as taken (its claim is made). */
      const setTopic = (sentence: Sentence, treatments: readonly TextMention[]) => {
        const taken = analysis.aggravators.some((a) => treatments.some((m) => m.id === a.mentionId));
        topic = taken ? undefined : topicOf(text, sentence, treatments);
      };

      let next = 0; // mentions and pieces are both in text order
      const bounds = safeBoundaries(text);
      for (const piece of piecesAround(text, mentions, bounds)) {
        const chunk = parseChunk(text, piece);
        const inPiece: TextMention[] = [];
        while (next < mentions.length && mentions[next]!.start < piece.end) inPiece.push(mentions[next++]!);
        const bySentence = new Map<Sentence, TextMention[]>();
        for (const mention of inPiece) {
          const sentence = sentenceOf(chunk.sentences, mention.start);
          if (!sentence) {
            analysis.contexts.push({ mentionId: mention.id, sentence: { start: mention.start, end: mention.end }, negated: false, hedged: false });
            continue;
          }
          const list = bySentence.get(sentence) ?? [];
          list.push(mention);
          bySentence.set(sentence, list);
        }

        for (const sentence of chunk.sentences) {
          const here = bySentence.get(sentence) ?? [];
          const sentenceText = text.slice(sentence.start, sentence.end);
          if (here.length === 0) {
            followTopic(sentence, sentenceText, here, undefined);
            continue;
          }
          const span = { start: sentence.start, end: sentence.end };
          const previousText = precedingSentence(text, sentence.start, bounds);
          for (const mention of here) {
            const range = tokenRange(sentence, mention);
            const p = range ? polarity(sentence, range[0], range[1]) : { negated: false, hedged: false };
            analysis.contexts.push({ mentionId: mention.id, sentence: span, ...p });
            if (
              input.pageAboutRls &&
              range &&
              aggravators.has(mention.entryId) &&
              !WARNS.test(sentenceText) &&
              !forOtherCondition(sentenceText) &&
              describesIntake(sentence, range[0], range[1])
            ) {
              analysis.aggravators.push({ mentionId: mention.id, entryId: mention.entryId, sentence: span, sentenceText, flagged: true });
            }
          }
          const treatments = here.filter(isTreatment);
          if (treatments.length > 0) {
            framesOf(sentence, sentenceText, here, previousText);
            setTopic(sentence, treatments);
          } else {
            // "Valerian root. Of all the options for restless legs, this herb is the most effective":
            // a sentence naming only the condition is about the treatment before it.
            followTopic(sentence, sentenceText, here, previousText);
          }
          if (here.some((m) => DOSE_KINDS.has(entries.get(m.entryId)?.kind ?? 'condition'))) {
            const next = sentenceAfter(text, sentence.end, bounds);
            analysis.doses.push(...dosesIn(sentence, sentenceText, here, input.pageAboutRls, next && text.slice(next.start, next.end), previousText));
          }
        }

        // Sentences past the piece hold no mention; those that go on about the topic are parsed here.
        for (let cursor = piece.end, more = FOLLOWING_SENTENCES; topic && more > 0; more--) {
          const following = followingSentence(text, cursor, bounds);
          if (!following || (next < mentions.length && mentions[next]!.start < following.end)) break;
          const followingText = text.slice(following.start, following.end);
          const dosed = doseTopic(topic) && adjoins(topic, text, following) && DOSE_WORDS.test(followingText);
          if (!dosed && !carriesTo(topic, text, following, followingText)) break;
          for (const sentence of parseChunk(text, following).sentences) followTopic(sentence, text.slice(sentence.start, sentence.end), [], undefined);
          cursor = following.end;
        }

        if (claims.matchers.length > 0 && bySentence.size > 0) {
          const accept = (claim: CompiledClaim, sentence: Sentence) =>
            (bySentence.get(sentence) ?? []).some((m) => claim.entries.size === 0 || claim.entries.has(m.entryId));
          for (const hit of sweepClaims(claims, chunk, text, accept)) {
            const claim = claims.claims.get(hit.claimId)!;
            const span = { start: hit.sentence.start, end: hit.sentence.end };
            // "Some blogs say X. That is not true.": the page disputes the claim it quotes.
            if (claim.flagged && disputed({ text, sentence: hit.sentence, sentenceText: text.slice(span.start, span.end) })) continue;
            const words = hit.sentence.tokens.slice(hit.from, hit.to).filter((t) => !t.implicit);
            const first = words[0] ?? hit.sentence.tokens[hit.from]!;
            const last = words[words.length - 1] ?? hit.sentence.tokens[hit.to - 1]!;
            analysis.claims.push({
              claimId: hit.claimId,
              sentence: span,
              sentenceText: text.slice(span.start, span.end),
              matchedText: text.slice(first.start, last.end),
              mentionIds: (bySentence.get(hit.sentence) ?? [])
                .filter((m) => claim.entries.size === 0 || claim.entries.has(m.entryId))
                .map((m) => m.id),
              flagged: claim.flagged,
            });
          }
        }
      }

      // A claim frame the text around it does not bear out is dropped (claim-model.ts): the lists match words, not what is said.
      // A person taking an aggravator is told plainly more often than a claim is made: only a text
      // that reads far from one (a reaction reported, the intake answered) drops it.
      analysis.aggravators = analysis.aggravators.filter((a) => claimScore(claimFeatures(windowAfter(a.sentence))) >= (a.frame ? VETO_BELOW : INTAKE_VETO_BELOW));
      analysis.contexts.sort((a, b) => a.sentence.start - b.sentence.start || a.mentionId - b.mentionId);
      analysis.doses.sort((a, b) => a.phrase.start - b.phrase.start);
      analysis.claims.sort((a, b) => a.sentence.start - b.sentence.start || a.claimId.localeCompare(b.claimId));
      analysis.aggravators.sort((a, b) => a.sentence.start - b.sentence.start || a.mentionId - b.mentionId);
      return analysis;
    },
  };

  function dosesIn(
    sentence: Sentence,
    sentenceText: string,
    here: readonly TextMention[],
    pageAboutRls: boolean,
    nextText?: string,
    previousText?: string,
    topic?: { mention: TextMention; mentionText: string; topicText: string; prior?: DoseFinding },
  ): DoseFinding[] {
    const local: LocalMention[] = here.map((m) => {
      const start = m.start - sentence.start;
      const end = Math.min(m.end, sentence.end) - sentence.start;
      return { id: m.id, start, end, role: mentionRole(entries.get(m.entryId), sentenceText.slice(start, end)) };
    });
    // The topic named in the sentence before stands at this sentence's start, unless it was named
    // for another condition ("Ropinirole for Parkinson's. Doses go up to 24 mg.").
    const carried = topic && !indicationCues(topic.topicText).some((c) => c.indication !== 'rls') ? topic : undefined;
    if (carried) local.unshift({ id: carried.mention.id, start: 0, end: 0, role: 'target' });
    const about = carried ? [carried.mention, ...here] : here;
    const written = findDosePhrases(sentenceText, nextText, previousText);
    // Strengths without a unit, after a name whose limits are in milligrams ("requip 0.5 twice a day"),
    // only where the sentence writes no unit: one that does writes them for its doses ("one Mag-Ox
    // 400 a day, about 240 mg of magnesium").
    const phrases =
      written.length > 0
        ? written
        : findBareDosePhrases(sentenceText, local.filter((m, i) => m.role === 'target' && inMilligrams.has(about[i]!.entryId)));
    // Product strengths ("available in 0.25, 0.5 and 1 mg tablets") are not anyone's dose.
    if (phrases.length === 0 || LISTING.test(sentenceText)) return [];
    const listed = listedPhrases(sentenceText, phrases);
    const cues = indicationCues(sentenceText);
    // A label that names children here ("Kids' gummies") may give their ages in its name line or directions.
    // A dose of the topic is told of the person the topic's sentence named ("my 6 yo ... magnesium. we give her 150 mg").
    const named = populationCue(sentenceText) ?? (carried ? populationCue(carried.topicText) : undefined);
    const population =
      named && (named.age !== undefined || !named.child)
        ? named
        : (labelPopulation(previousText, nextText) ?? (previousText && SAME_PERSON.test(sentenceText) ? populationCue(previousText) : undefined) ?? named);
    // A dose the page quotes in order to criticise it ("... more than the limit, a pharmacist pointed out").
    // The page may answer it in the next sentence ("Somebody said 8 mg is fine. You can't, the max is 4 mg.").
    const answered = disputed({ text: nextText === undefined ? sentenceText : `${sentenceText} ${nextText}`, sentence: { ...sentence, start: 0, end: sentenceText.length }, sentenceText }) || OVER_THE_LIMIT.test(sentenceText) || (nextText !== undefined && OVER_THE_LIMIT.test(nextText));
    const found: DoseFinding[] = [];
    const owned: Array<{ phrase: DosePhrase; owner: LocalMention }> = [];
    for (const phrase of phrases) {
      if (listed.has(phrase)) continue;
      // "3 mg in the morning and 3 mg at bedtime": a later part with no name of its own is the earlier part's.
      const previous = owned[owned.length - 1];
      const owner =
        attachDose(sentenceText, phrase, local, phrases) ??
        (previous && isSplitPart(sentenceText, previous.phrase, phrase) ? previous.owner : undefined);
      if (owner) owned.push({ phrase, owner });
    }
    // A label giving an elemental amount beside a compound weight is held to the elemental one.
    const anyStatedElemental = phrases.some((p) => statesElemental(sentenceText, p));
    for (const { phrase, owner } of splitDoseTotals(sentenceText, owned)) {
      const mention = about.find((m) => m.id === owner.id)!;
      const entry = entries.get(mention.entryId)!;
      const indication = indicationFor(cues, phrase, sentenceText);
      const mentionText = mention === carried?.mention ? carried.mentionText : sentenceText.slice(owner.start, owner.end);
      const saysElemental =
        statesElemental(sentenceText, phrase) ||
        (!anyStatedElemental && /elemental/i.test(sentenceText)) ||
        (mention === carried?.mention && /elemental/i.test(carried.topicText));
      // "400 mg magnesium oxide": the compound's weight, converted with the dataset's elemental content.
      const elementalFrom = saysElemental
        ? undefined
        : entry.numbers.find(
            (n) => n.role === 'elemental-content' && n.compound && n.compoundAmount && namesCompound(mentionText, n.compound),
          );
      const compoundMg = dailyMilligrams(phrase);
      // "200 mg with lunch. Then another 200 mg before bed.": the second part adds to the first.
      const prior = mention === carried?.mention && carried.prior?.unit === phrase.unit && found.length === 0 ? (carried.prior.dailyMg ?? 0) : 0;
      const ownMg = elementalFrom && compoundMg !== null ? round((compoundMg * elementalFrom.value) / elementalFrom.compoundAmount!) : compoundMg;
      const dailyMg = ownMg === null ? null : round(ownMg + prior);
      const daily = phrase.unit === 'IU' ? round((phrase.amountMax ?? phrase.amount) * phrase.timesPerDay) : (dailyMg ?? 0);
      const entryLimits = population ? limitsFor(entry, population) : (limits.get(entry.id) ?? {});
      const judgement = judgeDose(entryLimits, {
        unit: phrase.unit,
        daily,
        indication,
        negated: phraseNegated(sentence, phrase),
        threshold: phrase.threshold,
        dietary: DIETARY_KINDS.has(entry.kind) && DIETARY.test(sentenceText) && !SUPPLEMENTAL.test(sentenceText) && !(nextText && LABEL_DIRECTIONS.test(nextText)),
        saltNamed: !elementalFrom && SALT.test(mentionText) && !saysElemental,
        pageAboutRls,
      });
      if (judgement.status === 'not-applicable') continue;
      const finding: DoseFinding = {
        mentionId: owner.id,
        entryId: entry.id,
        phrase: { start: sentence.start + phrase.start, end: sentence.start + phrase.end },
        phraseText: sentenceText.slice(phrase.start, phrase.end),
        sentence: { start: sentence.start, end: sentence.end },
        sentenceText,
        amount: phrase.amount,
        ...(phrase.amountMax !== undefined ? { amountMax: phrase.amountMax } : {}),
        unit: phrase.unit,
        timesPerDay: round(phrase.timesPerDay),
        bedtime: phrase.bedtime,
        dailyMg,
        indication,
        status: judgement.status,
        ...(judgement.limit ? { limit: judgement.limit } : {}),
        ...(judgement.ratio !== undefined && (judgement.status === 'over-rls-max' || judgement.status === 'over-upper-limit')
          ? { ratio: judgement.ratio }
          : {}),
        // "Is 0.75 mg too much?" asks; it asserts no one takes it.
        flagged: !answered && !isQuestion(sentenceText, phrase) && (judgement.status === 'over-rls-max' || judgement.status === 'over-upper-limit'),
        ...(population ? { population } : {}),
        ...(elementalFrom ? { elementalFrom } : {}),
        ...(judgement.usual ? { usual: judgement.usual } : {}),
        ...(judgement.noAddedBenefit ? { noAddedBenefit: judgement.noAddedBenefit } : {}),
      };
      found.push(finding);
    }
    return found;
  }
}

/**
 * A day's doses taken in parts ("3 mg in the morning and 3 mg at bedtime", "4 mg at 8pm plus
 * another 2 mg at 2am"): the parts of one substance, joined by "and" / "plus" / "another" and
 * placed in the day, are one daily total. Never a change of dose ("from 2 mg to 4 mg", "2 mg,
 * then up to 4 mg") or alternatives ("2 mg or 3 mg"), and never ranges or thresholds.
 */
export function splitDoseTotals<T extends { phrase: DosePhrase; owner: { id: number } }>(text: string, owned: readonly T[]): T[] {
  const out: T[] = [];
  let group: T[] = [];
  const flush = () => {
    if (group.length >= 2) {
      const first = group[0]!;
      const last = group[group.length - 1]!;
      const daily = group.reduce((sum, g) => sum + (dailyMilligrams(g.phrase) ?? 0), 0);
      out.push({
        ...last,
        phrase: {
          ...last.phrase,
          start: first.phrase.start,
          coreStart: first.phrase.coreStart,
          amount: round(daily),
          unit: 'mg',
          timesPerDay: 1,
          frequencyStated: true,
          bedtime: group.some((g) => g.phrase.bedtime),
        },
      });
    } else out.push(...group);
    group = [];
  };
  for (const item of owned) {
    const previous = group[group.length - 1];
    if (!(previous && item.owner.id === previous.owner.id && isSplitPart(text, previous.phrase, item.phrase))) flush();
    group.push(item);
  }
  flush();
  return out;
}

const SPLIT_JOIN = /\b(?:and|plus|then|another|additional|extra|further)\b|[+&]/i;
const SPLIT_BLOCK =
  /\b(?:or|to|from|instead|switch\w*|up|down|increas\w*|decreas\w*|reduc\w*|lower\w*|rais\w*|went|go|until|was|were|used|but|now|currently|later|today|yesterday|max\w*|limit\w*|weeks?|months?|years?|days?|per|each|every|tablets?\s+of)\b/i;
const CLOCK = /\b(?:at|around|by|about)?\s*\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b(?:at|around|by)\s+\d{1,2}(?::\d{2})?(?!\s*(?:mg|mcg|g|%|\d))\b/gi;
const TIME_OF_DAY =
  /\b(?:morning|afternoon|evening|night|nighttime|bedtime|bed|lunch(?:time)?|dinner|supper|breakfast|midnight|noon|midday|am|pm|waking|wake)\b|\bthe\s+middle\s+of\s+the\s+night\b|\d\s*(?:am|pm)\b|\b(?:another|additional|extra|further|top[\s-]?up)\b/i;

/** Whether `b` is a further part of the same day's dose as `a` (see splitDoseTotals). */
function isSplitPart(text: string, a: DosePhrase, b: DosePhrase): boolean {
  if (a.threshold || b.threshold || a.amountMax !== undefined || b.amountMax !== undefined) return false;
  if (a.unit === 'IU' || b.unit === 'IU' || a.timesPerDay > 1 || b.timesPerDay > 1) return false;
  const gap = text.slice(a.end, b.start);
  // Joined by "and" / "plus", or by a comma after a time of day ("2 mg at dinner, 2 mg at 10pm").
  const joined = SPLIT_JOIN.test(gap) || (/,\s*$/.test(gap) && TIME_OF_DAY.test(gap.replace(CLOCK, ' at 1pm ')));
  if (gap.length > 45 || !joined || SPLIT_BLOCK.test(gap) || /\d/.test(gap.replace(CLOCK, ''))) return false;
  // Placed in the day: a time on either part or between them, or "another".
  const around = `${text.slice(a.start, a.end)} ${gap} ${text.slice(b.start, Math.min(text.length, b.end + 25))}`;
  return a.frequencyStated || b.frequencyStated || TIME_OF_DAY.test(around);
}

/**
 * The amount is said to be elemental ("160 mg elemental", "elemental magnesium 300 mg"): a
 * label giving the compound and the elemental weight side by side is held to the elemental one.
 */
/** The mention names the compound, in full or word by word abbreviated ("Mag-Ox" for magnesium oxide). */
function namesCompound(mentionText: string, compound: string): boolean {
  const said = mentionText.toLowerCase();
  if (said.includes(compound.toLowerCase())) return true;
  const words = said.split(/[-\s]+/).filter(Boolean);
  const full = compound.toLowerCase().split(/\s+/);
  return words.length === full.length && words.every((w, i) => w.length >= 2 && full[i]!.startsWith(w));
}
function statesElemental(text: string, phrase: DosePhrase): boolean {
  return /elemental/i.test(text.slice(Math.max(0, phrase.coreStart - 30), phrase.coreStart)) || /^\s*(?:of\s+)?elemental/i.test(text.slice(phrase.coreEnd));
}

/** The sentence that ends where `start` begins (from the safe boundary before it), if short enough. */
function precedingSentence(text: string, start: number, bounds: readonly number[]): string | undefined {
  const from = lastAtOrBefore(bounds, start - 1);
  if (start - from > 400) return undefined;
  const sentence = text.slice(from, start).trim();
  return sentence.length > 0 ? sentence : undefined;
}

/** The sentence that starts after `end` (past its spaces), if short enough. */
function sentenceAfter(text: string, end: number, bounds: readonly number[]): { start: number; end: number } | undefined {
  let start = end;
  while (start < text.length && /\s/.test(text.charAt(start))) start++;
  return followingSentence(text, start, bounds);
}

/** The span from `end` to the next safe boundary: the sentence that follows, if short enough. */
function followingSentence(text: string, end: number, bounds: readonly number[]): { start: number; end: number } | undefined {
  const after = firstAfter(bounds, end, text.length);
  let start = end;
  while (start < after && /\s/.test(text.charAt(start))) start++;
  return after - start > 0 && after - start <= 400 ? { start, end: after } : undefined;
}

/** Phrases in a run of three or more joined only by commas, slashes, "and", "or": a list of strengths. */
function listedPhrases(text: string, phrases: readonly DosePhrase[]): Set<DosePhrase> {
  const listed = new Set<DosePhrase>();
  let run: DosePhrase[] = [];
  const flush = () => {
    if (run.length >= 3) for (const p of run) listed.add(p);
    run = [];
  };
  for (const phrase of phrases) {
    const previous = run[run.length - 1];
    if (previous && !/^\s*(?:,|\/|,?\s*and|,?\s*or)?\s*$/i.test(text.slice(previous.end, phrase.start))) flush();
    run.push(phrase);
  }
  flush();
  return listed;
}

/**
 * Who a product label is for, when the dose sentence does not say: its name line just before
 * ("Tiny Dreams Drops, for ages 1-3.") or the directions just after, counting its units
 * ("... 3 gummies a day for ages 4-8"). Other neighbours speak of someone else.
 */
function labelPopulation(previousText: string | undefined, nextText: string | undefined): PopulationCue | undefined {
  const nameLine =
    previousText !== undefined &&
    previousText.trim().split(/\s+/).length <= LABEL_NAME_WORDS &&
    !/\d\s*(?:mg|mcg|g)\b/i.test(previousText) &&
    !TOLD_OF_SOMEONE.test(previousText);
  return (nameLine ? populationCue(previousText) : undefined) ?? (nextText !== undefined && countsUnits(nextText) ? populationCue(nextText) : undefined);
}

/** How a mention stands towards a nearby dose (see LocalMention). */
function mentionRole(entry: Entry | undefined, text: string): LocalMention['role'] {
  if (!entry) return 'other';
  if (DOSE_KINDS.has(entry.kind)) return 'target';
  if ((entry.kind === 'condition' || entry.kind === 'complication') && !namesSubstance(text)) return 'transparent';
  return 'other';
}

/** Is the dose phrase in a negated clause ("never take more than 8 mg")? */
function phraseNegated(sentence: Sentence, phrase: DosePhrase): boolean {
  const range = tokenRange(sentence, { start: sentence.start + phrase.start, end: sentence.start + phrase.end });
  if (!range) return false;
  const [cf, ct] = clauseAround(sentence, range[0]);
  return isNegated(
    sentence.tokens.map((t) => t.word),
    cf,
    ct,
    range[0],
    range[1],
  );
}

/** The sentence holding an offset: the last one starting at or before it. */
function sentenceOf(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let found: Sentence | undefined;
  for (const s of sentences) {
    if (s.start <= offset) found = s;
    else break;
  }
  return found ?? sentences[0];
}

