/**
 * Claim frames through the auditor: a claim about an entry is flagged when the entry's own
 * evidence contradicts it (the verdict for efficacy, a caveat for safety), and not when the
 * evidence supports it, when it is a question, or when the page disputes it.
 */
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../scripts/lib/audit-file';

type Frame = { kind: string; cue: string; answer: { text: string; citations: string[] } };

function framesOf(sentence: string): Frame[] {
  const html = `<!doctype html><title>Restless legs syndrome</title><body><h1>Restless legs syndrome</h1><p>${sentence}</p></body>`;
  return auditFile(html, 'https://example.org/rls').flags.flatMap((f) => ('frame' in f && f.frame ? [f.frame as Frame] : []));
}

describe('claim frames', () => {
  it('flags an efficacy claim about a treatment whose evidence is against it, with the answer and its source', () => {
    const [frame] = framesOf('Valerian root cures restless legs syndrome for good, it is the best remedy there is.');
    expect(frame).toMatchObject({ kind: 'efficacy', cue: 'cures' });
    expect(frame!.answer.text).toMatch(/valerian/i);
    expect(frame!.answer.citations.length).toBeGreaterThan(0);
  });

  it('flags a safety absolute that a caveat of the entry contradicts', () => {
    expect(framesOf('Magnesium oil is completely safe and has no side effects, so use as much as you like for your RLS.')).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'safety' })]),
    );
  });

  it('flags taking an aggravator for sleep without a first-person word', () => {
    expect(framesOf('A Benadryl at bedtime will at least help you sleep through the RLS.')).toEqual([
      expect.objectContaining({ kind: 'use' }),
    ]);
  });

  it('does not flag a supported efficacy statement, a question, or a claim the page disputes', () => {
    expect(framesOf('Gabapentin enacarbil works well for many people with restless legs syndrome.')).toEqual([]);
    expect(framesOf('Does valerian cure restless legs syndrome?')).toEqual([]);
    expect(framesOf('Some blogs say valerian cures restless legs syndrome. That is not true.')).toEqual([]);
    expect(framesOf('"Valerian cures restless legs for good," says a viral post. Bad advice: no trial supports it.')).toEqual([]);
    // Answered with what the evidence says, in the next sentence.
    expect(framesOf('A blog says valerian is the best remedy for restless legs. The 2024 guideline suggests against it.')).toEqual([]);
    // A doubt that is someone else's, overridden by the page's own claim after "but".
    expect(framesOf('People say valerian for RLS is a myth, but honestly it cured mine for good.')).toEqual([
      expect.objectContaining({ kind: 'efficacy' }),
    ]);
    // Passed on and agreed with: still the page's claim.
    expect(framesOf('My neighbour says valerian cures restless legs for good, and she is totally right.')).toEqual([
      expect.objectContaining({ kind: 'efficacy' }),
    ]);
  });

  it('reads a sentence that opens with a pronoun as a claim about the treatment before it', () => {
    expect(framesOf('Try valerian root for RLS. It cures the creepy crawlies for good.')).toEqual([
      expect.objectContaining({ kind: 'efficacy', cue: 'cures' }),
    ]);
    expect(framesOf('Vitamin D for RLS? It makes the symptoms disappear within a week.')).toEqual([
      expect.objectContaining({ kind: 'efficacy' }),
    ]);
    // Two treatments before it: whose claim it is cannot be told, so nothing is flagged.
    expect(framesOf('I tried valerian and vitamin D for RLS. It cures the creepy crawlies for good.')).toEqual([]);
  });

  it('takes a short lead-in sentence as the topic of the claim after it', () => {
    expect(framesOf("Restless legs? It's a sign of magnesium deficiency.")).toEqual([expect.objectContaining({ kind: 'cause' })]);
  });

  it('reads a cause claim from a causal connective or a symptom taken as the condition', () => {
    expect(framesOf('Restless legs syndrome comes from low potassium, so eat more bananas.')).toEqual([expect.objectContaining({ kind: 'cause' })]);
    expect(framesOf('If your legs jump at night, you are low on magnesium.')).toEqual([expect.objectContaining({ kind: 'cause' })]);
    expect(framesOf('The magnesium cream soaks straight into the calf muscles, which is where RLS starts.')).toEqual([
      expect.objectContaining({ kind: 'cause' }),
    ]);
    // The forum spelling "rls" is the condition too.
    expect(framesOf('rls is just your minerals running low, take magnesium')).toEqual([expect.objectContaining({ kind: 'cause' })]);
    // Taking something because of RLS names no cause.
    expect(framesOf('I take magnesium because of my RLS and sleep a little better.')).toEqual([]);
  });

  it('weighs mild reassurance against the caveats, not against weak evidence of benefit', () => {
    expect(framesOf("Requip can't hurt you, take an extra one whenever the RLS is bad.")).toEqual([
      expect.objectContaining({ kind: 'safety' }),
    ]);
    expect(framesOf("Yoga won't hurt, and some people with RLS like it.")).toEqual([]);
  });

  it('flags abrupt stopping and steering away from care in many wordings', () => {
    expect(framesOf('Toss the ropinirole in one go, tapering is pointless.')).toEqual([expect.objectContaining({ kind: 'stopping' })]);
    expect(framesOf("Don't waste money on a neurologist for RLS, magnesium spray does the job.")).toEqual([
      expect.objectContaining({ kind: 'stopping' }),
    ]);
    expect(framesOf('Come off ropinirole slowly with your doctor if augmentation starts.')).toEqual([]);
  });

  it('flags an aggravator used to get to sleep or for another complaint', () => {
    expect(framesOf('A glass of wine is my nightcap on bad RLS nights.')).toEqual([expect.objectContaining({ kind: 'use' })]);
    expect(framesOf('Diphenhydramine for my hay fever every spring, RLS or not.')).toEqual([expect.objectContaining({ kind: 'use' })]);
    expect(framesOf('Diphenhydramine can make RLS worse, so I use a non-sedating pill for hay fever.')).toEqual([]);
  });

  it('reads a caution waved away as part of the claim, and a rebuttal after an attributed claim as a dispute', () => {
    expect(framesOf('Withdrawal from pramipexole is a pharma myth, just stop it.')).toEqual([expect.objectContaining({ kind: 'stopping' })]);
    expect(framesOf('Augmentation is a scare word; ropinirole is fine for years.')).toEqual([expect.objectContaining({ kind: 'safety' })]);
    expect(framesOf('A friend told me to stop ropinirole cold turkey. Do not do that; taper it with your doctor.')).toEqual([]);
    expect(framesOf('My neighbour says augmentation is a myth. It is not; ask about it before the dose goes up on ropinirole.')).toEqual([]);
  });

  it('continues an instruction or a purpose after a sentence naming one treatment', () => {
    expect(framesOf('Pramipexole is poison. Stop it tonight, no need to taper.')).toEqual([expect.objectContaining({ kind: 'stopping' })]);
    expect(framesOf('Sleep Caplets, doxylamine 25 mg. For sleepless nights when restless legs keep you awake.')).toEqual([
      expect.objectContaining({ kind: 'use' }),
    ]);
    // A heading or product name before a claim is its topic.
    expect(framesOf('Valerian Root Capsules, 60 count. Formulated to eliminate restless legs at the source.')).toEqual([
      expect.objectContaining({ kind: 'efficacy' }),
    ]);
    // Throwing the pills out tonight is stopping at once.
    expect(framesOf('Pramipexole is a trap. Throw the pills out tonight and never take another one.')).toEqual([
      expect.objectContaining({ kind: 'stopping' }),
    ]);
    // A sentence naming only the condition carries the one treatment of the sentence before.
    expect(framesOf('I started valerian root last month. It cured my RLS completely, everyone should try this herb.')).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'efficacy' })]),
    );
  });
});

describe('doses read across a label', () => {
  const flaggedDoses = (sentence: string) => {
    const html = `<!doctype html><title>Restless legs syndrome</title><body><h1>Restless legs syndrome</h1><p>${sentence}</p></body>`;
    return auditFile(html, 'https://example.org/rls').doses.filter((d) => d.flagged);
  };

  it('reads a brand that abbreviates the compound as that compound, and "each one" as one of the units counted before', () => {
    // One Mag-Ox 400 holds about 241 mg of magnesium: under the 350 mg limit.
    expect(flaggedDoses('For my RLS I take one Mag-Ox 400 mg tablet at night.')).toEqual([]);
    expect(flaggedDoses('Two Mag-Ox tablets every night for my RLS. Each one is 400 mg.')).toEqual([expect.objectContaining({ dailyMg: 482.6 })]);
  });

  it('flags a dose someone takes, not one a question asks about', () => {
    expect(flaggedDoses('I take 6 mg of ropinirole for RLS, is that ok?')).toHaveLength(1);
    expect(flaggedDoses('Is 6 mg of ropinirole too much for RLS?')).toEqual([]);
  });

  it('adds up directions in the sentence after a per-unit label, and reads "ages 4+" as a child of 4', () => {
    expect(flaggedDoses('Each scoop holds 300 mg of elemental magnesium. Take 1 scoop in the morning and 1 scoop at night.')).toEqual([
      expect.objectContaining({ dailyMg: 600 }),
    ]);
    expect(flaggedDoses('Magnesium gummies (ages 4+): each gummy has 60 mg of magnesium. Give 2 gummies at bedtime.')).toEqual([
      expect.objectContaining({ dailyMg: 120 }),
    ]);
    // A range in the directions is no one daily amount.
    expect(flaggedDoses('Each capsule contains 200 mg of magnesium. Take 1 to 2 capsules daily.')).toEqual([]);
    // Measures count against the label's own measure; a serving in the directions is a unit.
    expect(flaggedDoses('For restless legs: each 1 mL provides 150 mg elemental magnesium. Give 3 mL at bedtime.')).toEqual([
      expect.objectContaining({ dailyMg: 450 }),
    ]);
    expect(flaggedDoses('For restless legs: each 5 mL provides 150 mg elemental magnesium. Take 10 mL at bedtime.')).toEqual([]);
    expect(flaggedDoses('Each 2 tsp serving provides 325 mg magnesium. Directions: mix 1 serving in water twice daily.')).toEqual([
      expect.objectContaining({ dailyMg: 650 }),
    ]);
    // A ceiling in the directions is no one's daily amount either.
    expect(flaggedDoses('Each capsule contains 100 mg of magnesium. Take 1 capsule daily; do not exceed 6 capsules.')).toEqual([]);
    // A sentence that itself says the amount is over the limit has already warned the reader.
    expect(flaggedDoses('The ad recommends 700 mg of elemental magnesium nightly for restless legs, double the upper limit.')).toEqual([]);
  });

  it('reads a count of units before a per-unit amount, and "and another" as one unit more', () => {
    expect(flaggedDoses('For my RLS I take 6 caps of magnesium a day, 75mg elemental each.')).toEqual([expect.objectContaining({ dailyMg: 450 })]);
    // A count before the substance's name and the amount; one magnesium oxide tablet is about 241 mg elemental.
    expect(flaggedDoses('For restless legs, take two magnesium oxide 400 mg tablets every night.')).toEqual([expect.objectContaining({ dailyMg: 482.6 })]);
    expect(flaggedDoses('For restless legs, take one magnesium oxide 400 mg tablet every night.')).toEqual([]);
    expect(flaggedDoses('Each tablet has 250 mg of magnesium. Take 1 tablet with dinner and another before bed.')).toEqual([
      expect.objectContaining({ dailyMg: 500 }),
    ]);
  });

  it('adds up parts of a day, and reads a strength beside a pack size as one unit', () => {
    expect(flaggedDoses('For my RLS I take 300 mg of elemental magnesium at breakfast and another 300 at bedtime.')).toEqual([
      expect.objectContaining({ dailyMg: 600 }),
    ]);
    expect(flaggedDoses('Ropinirole 2 mg at dinner, 2 mg at 10pm and 1 mg more at 3am for my RLS.')).toEqual([expect.objectContaining({ dailyMg: 5 })]);
    expect(flaggedDoses('Magnesium citrate 200 mg elemental, 120 capsules. For restless legs, take 1 capsule twice a day.')).toEqual([
      expect.objectContaining({ dailyMg: 400 }),
    ]);
    expect(flaggedDoses('Magnesium citrate 150 mg elemental, 120 capsules. For restless legs, take 1 capsule twice a day.')).toEqual([]);
    expect(flaggedDoses('Mirapex 0.5 mg, one tablet at 7 pm and one at bedtime, for RLS.')).toEqual([expect.objectContaining({ dailyMg: 1 })]);
  });

  it("holds a child's dose to the child's limit when the age is in the label's directions or the sentence before", () => {
    expect(flaggedDoses('Sleepy Kids gummies: 50 mg elemental magnesium per gummy. We suggest 3 gummies a day for ages 4-8 with restless legs.')).toEqual([
      expect.objectContaining({ dailyMg: 150 }),
    ]);
    expect(flaggedDoses('My son is 7 and has restless legs like me. He takes 150 mg of elemental magnesium at night.')).toEqual([
      expect.objectContaining({ dailyMg: 150 }),
    ]);
    // Within the adult limit and said of an adult: nothing to flag.
    expect(flaggedDoses('My son is 7 and has restless legs like me. I take 150 mg of elemental magnesium at night.')).toEqual([]);
  });
});

describe('more wordings of the same claims', () => {
  it('reads causes that are no cause at all without a "just": toxins, a leaky gut, sugar, inflammation, dehydration', () => {
    for (const sentence of [
      'Restless legs syndrome is your body reacting to a leaky gut, nothing more.',
      'Those night-time leg jitters are heavy metals on their way out of your body, that is RLS.',
      'My RLS comes from sugar spikes, so I cut dessert.',
      'rls = dehydration, drink more water',
    ]) {
      expect(framesOf(sentence), sentence).toEqual([expect.objectContaining({ kind: 'cause' })]);
    }
    expect(framesOf('My RLS has to be a magnesium deficiency, what else could it be.')).toEqual([expect.objectContaining({ kind: 'cause' })]);
    // "just" inside an attributed claim is the claim's own word, not the page's doubt; "that's just ..." is a doubt.
    expect(framesOf('My coach says restless legs is just dehydration, so I drink three litres a day.')).toEqual([expect.objectContaining({ kind: 'cause' })]);
    expect(framesOf('My coach says valerian cures restless legs for good. That is just placebo.')).toEqual([]);
  });

  it('reads safety absolutes said in other words', () => {
    for (const sentence of [
      'You cannot absorb too much magnesium from an Epsom salt bath for your RLS, so stay in as long as you want.',
      'Ropinirole is not habit-forming, a gentle pill for restless legs.',
      'This magnesium spray does not interact with anything you take for RLS.',
      'Magnesium oil is fine for restless legs in any amount.',
      'Magnesium flakes cannot do any harm to someone with RLS.',
    ]) {
      expect(framesOf(sentence), sentence).toEqual([expect.objectContaining({ kind: 'safety' })]);
    }
  });

  it('reads abrupt stopping and steering away in other words', () => {
    for (const sentence of [
      'Tear the rotigotine patch off tonight and do not put another on, your RLS will settle.',
      'Our RLS programme has clients discontinue pramipexole on day one.',
      'With this cream you will not need Requip for RLS, just stop taking it.',
      'For restless legs, skip the expensive ferritin test and take magnesium.',
      'Ferritin tests are a waste of money for RLS, just take magnesium.',
    ]) {
      expect(framesOf(sentence), sentence).toEqual([expect.objectContaining({ kind: 'stopping' })]);
    }
  });

  it('reads a secret cure, advice given as a suggestion, an order to throw a medicine away and a cream said to reach the nerves', () => {
    expect(framesOf('Valerian: the best RLS remedy nobody talks about.')).toEqual([expect.objectContaining({ kind: 'efficacy' })]);
    expect(framesOf('The nurse suggested Benadryl for patients whose restless legs syndrome keeps them awake.')).toEqual([
      expect.objectContaining({ kind: 'use' }),
    ]);
    expect(framesOf('Toss the Mirapex and see how your restless legs do in a week.')).toEqual([expect.objectContaining({ kind: 'stopping' })]);
    expect(framesOf('Rub the magnesium cream in at night: the magnesium gets into the nerves that drive restless legs.')).toEqual([
      expect.objectContaining({ kind: 'cause' }),
    ]);
    // Studies that suggest still hedge.
    expect(framesOf('Small studies suggest valerian is the best remedy for restless legs.')).toEqual([]);
  });

  it('reads an established part of RLS denied, and a treatment whose evidence is for one group claimed for all', () => {
    expect(framesOf('Iron has nothing to do with restless legs, it is all magnesium.')).toEqual([expect.objectContaining({ kind: 'cause' })]);
    expect(framesOf('For restless legs, ferritin does not matter once it is above 100.')).toEqual([]);
    expect(framesOf('Vitamin E ends restless legs for good, whatever the cause.')).toEqual([expect.objectContaining({ kind: 'efficacy' })]);
    expect(framesOf('On haemodialysis, vitamin E is the best add-on for restless legs.')).toEqual([]);
  });

  it('reads more safety absolutes and claims of benefit', () => {
    expect(framesOf('Horizant has no pregnancy concerns at all for RLS.')).toEqual([expect.objectContaining({ kind: 'safety' })]);
    expect(framesOf('Valerian is the real deal for restless legs, it will work for you.')).toEqual([expect.objectContaining({ kind: 'efficacy' })]);
    expect(framesOf('Vitamin D is the only thing that works for RLS; every other drug is a waste of time.')).toEqual([
      expect.objectContaining({ kind: 'efficacy' }),
    ]);
  });

  it('takes as disputed a claim someone wrote that the page answers with the risk, a question or a fact-check label', () => {
    for (const sentence of [
      '"Potassium is safe for everyone with RLS," one poster wrote. With kidney disease it is dangerous.',
      'My aunt says valerian cures restless legs for good. Is there any trial behind that?',
      'Claim: restless legs syndrome is an inflammation. Reality: the findings point to brain iron.',
      'To the people saying you cannot overdose on magnesium for RLS: supplements have an upper limit.',
      'A reel claims Epsom salt pushes magnesium straight into the muscles for RLS. Reviews say that has not been shown.',
      'Friends keep telling me Benadryl helps them sleep through RLS, but it may actually make the legs worse.',
    ]) {
      expect(framesOf(sentence), sentence).toEqual([]);
    }
  });
});

describe('what claim frames leave alone', () => {
  it('does not flag a denied cause, a personal reason or an aggravator that keeps someone awake', () => {
    for (const sentence of [
      'My doctor said RLS is not caused by low magnesium.',
      'RLS is not just low magnesium, it is a brain iron problem.',
      'I started magnesium for my legs because my magnesium was low.',
      'Coffee keeps me awake, and my restless legs are worse after it.',
      'Many people take Benadryl for allergies without knowing it can worsen RLS.',
      'The tingling of magnesium oil is a side effect, not a sign it is working.',
      'Valerian made my legs far worse within a week, so I stopped it.',
      '"Skip the ferritin test, just take valerian" is the worst RLS advice I have read.',
      'Bring every medicine you take, antidepressants too, to your RLS appointment.',
      'Cutting the evening glass of wine is one of the first steps for RLS.',
    ]) {
      expect(framesOf(sentence), sentence).toEqual([]);
    }
  });
});

describe('claims about a treatment named in a sentence before', () => {
  it('reads the answer to a question, the line after a heading and a run of sentences as about that treatment', () => {
    for (const [text, kind] of [
      ['Anyone tried valerian for RLS? Cured mine in a week, works for everybody.', 'efficacy'],
      ['Pregabalin and oxycodone together? Totally fine, no risk at all.', 'safety'],
      ['Valerian root. Cures restless legs for good.', 'efficacy'],
      ['I read about valerian root last month. It is cheap. It cures restless legs for good.', 'efficacy'],
      // A line with no subject of its own, two drugs taken together, a Q&A, a filler line after a heading.
      ['I take magnesium glycinate for my RLS. Gentle enough for anyone with kidney disease.', 'safety'],
      ['Oxycodone with pregabalin is my RLS combo. And honestly, zero risk there.', 'safety'],
      ['Q: I just learned I am pregnant and take gabapentin for RLS. A: Stop it today, no taper needed.', 'stopping'],
      ['Valerian at night. That is it. My RLS just stops, every single time.', 'efficacy'],
    ] as const) {
      expect(framesOf(text), text).toEqual(expect.arrayContaining([expect.objectContaining({ kind })]));
    }
  });

  it('does not carry a treatment into a supported answer, across a compared pair or past a paragraph', () => {
    for (const text of [
      'Is gabapentin enacarbil any good for RLS? It works well for many people.',
      'I take ropinirole and valerian every night. It cures my restless legs for good.',
      'My sister swears by valerian tea for her sleep.<br><br>Nothing cures restless legs for good, my neurologist says.',
    ]) {
      expect(framesOf(text), text).toEqual([]);
    }
  });
});

describe('attributed claims the page answers', () => {
  it('does not flag a quoted or reported claim answered by the contrary fact', () => {
    for (const text of [
      'Someone upthread says valerian cures restless legs for everyone. One small study is not everyone.',
      "'Carbamazepine is completely safe in pregnancy for RLS,' says the post. It can cause birth defects.",
      "Customer review: 'Tonic water fixed my restless legs.' Pharmacist's note: quinine is not an RLS treatment.",
      "There's a theory going around that vitamin D cures restless legs. The one real trial found no benefit.",
      "The author claims RLS is 'just inflammation', and that is not what the research says.",
      'my cousin keeps telling me benadryl will help my RLS sleep. it actually makes restless legs worse',
      'Folks keep sharing that valerian cures restless legs. It does not; no trial found that.',
      'Five myths we will not repeat. "Valerian cures restless legs for good."',
      'Valerian cures restless legs for good, the label says. We looked, and the evidence just is not there.',
    ]) {
      expect(framesOf(text), text).toEqual([]);
    }
  });

  it('does not read a labelled question, nodding off or cutting down as a claim', () => {
    for (const text of [
      'Q: Does magnesium oil really soak through the skin, or is it just a nice rub? Asking for my RLS.',
      'Requip made me nod off at my desk today, scary. #RLS',
      'trying to cut down on coffee for my RLS, day three',
    ]) {
      expect(framesOf(text), text).toEqual([]);
    }
  });
});

describe('more classes of claim wording', () => {
  it('flags causes told as an origin, a body fault or the same condition, and the answer to a why-question', () => {
    for (const [text, kind] of [
      ['Restless legs syndrome begins in the gut, and our cleanse repairs it.', 'cause'],
      ['My osteopath says RLS comes from a trapped nerve in the spine.', 'cause'],
      ['Restless legs and night cramps are basically the same condition.', 'cause'],
      ['Why do legs get restless at night? Low potassium, plain and simple.', 'cause'],
      ['Epsom salt works for RLS because the magnesium pours in through the pores of your feet.', 'cause'],
    ] as const) {
      expect(framesOf(text), text).toEqual(expect.arrayContaining([expect.objectContaining({ kind })]));
    }
  });

  it('flags safety absolutes about pregnancy, the heart and the kidneys in more word orders', () => {
    for (const text of [
      'Carbamazepine for RLS while trying to conceive is no problem at all.',
      'For RLS, clonazepam in pregnancy is perfectly fine.',
      'Pergolide still works for my RLS, and no, it is not bad for your heart.',
      'Horizant for RLS on dialysis: kidney function does not affect it at all.',
    ]) {
      expect(framesOf(text), text).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'safety' })]));
    }
  });

  it('flags steering away from care in short answers', () => {
    for (const text of ['Offered an iron infusion for RLS? Say no, infusions are overkill.', 'New patients are asked to stop their Lyrica for RLS before their first session.']) {
      expect(framesOf(text), text).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'stopping' })]));
    }
  });

  it('does not flag the same words where they make no claim', () => {
    for (const text of [
      'I have the same problem with my RLS every night.',
      'Gabapentin enacarbil treats restless legs syndrome, the guideline says.',
      'RLS is not a pinched nerve, whatever the chiropractor says.',
    ]) {
      expect(framesOf(text), text).toEqual([]);
    }
  });
});

describe('the learned reading of claims', () => {
  it('raises a claim the word lists miss and names its kind and the words it rests on', () => {
    const text = "Potassium. That's it. Two pills with dinner and the crawling I had for years is just gone, anyone with restless legs has to try it.";
    expect(framesOf(text)).toEqual([expect.objectContaining({ kind: 'efficacy', cue: 'gone' })]);
  });

  it('drops a match of the lists that the text around it does not bear out', () => {
    expect(framesOf('Some users claim that CBD may help with anxiety, stress, pain, and sleep without the risk of getting high like with THC.')).toEqual([]);
  });

  it('raises nothing where the text does not talk about RLS, as in a reference list or a textbook line', () => {
    expect(framesOf('Mind-body therapies for opioid-treated pain: a systematic review and meta-analysis.')).toEqual([]);
    expect(framesOf('Extrapyramidal side effects are a problem with first-generation antipsychotic drugs.')).toEqual([]);
  });

  it('leaves amounts to the dose reading', () => {
    expect(framesOf('Potassium, 99 mg, two pills with dinner. The crawling I had for years is just gone.')).toEqual([]);
  });
});
