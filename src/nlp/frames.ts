/**
 * Claim frames: open-world claims about a treatment, found by kind (efficacy, safety, cause,
 * use of an aggravator, stopping) rather than by one dataset sentence. A frame is a class of
 * wording (verbs of cure, safety absolutes, reductive causes...) next to a mention; whether it
 * is flagged comes from the entry the sentence is about (its verdict, prescription status and
 * caveats), never from the wording. The dataset's named claims stay for the specific ones.
 *
 * Regular expressions over one sentence, run only when a cheap prefilter word is present, so a
 * sentence costs a few regex tests. Negation, hedging, conditions, questions and a dispute in
 * the same or the next sentence ("Some blogs say X. That is not true.") silence a frame.
 */
import type { Entry, Verdict } from '../dataset/schema';
import { isHedged, isNegated, polarity } from './cues';
import { clauseAround, tokenRange, type Sentence } from './text';
import type { FrameFlag, FrameKind, TextMention } from './types';
import { likeliestKind, strongestCue } from './claim-model';

/** Verdicts under which the evidence does not support using the entry to treat RLS. */
const UNSUPPORTED = new Set<Verdict>([
  'insufficient-evidence',
  'not-recommended-conditional',
  'not-recommended-strong',
  'not-an-rls-treatment',
  'can-worsen-rls',
]);
const CONDITION_KINDS = new Set<Entry['kind']>(['condition', 'complication']);

/** The sentence is about RLS (or the legs) at all: efficacy and cause frames need it. */
const RLS_TARGET = /\b(?:rls|wed|restless|willis|ekbom|plms|plmd|periodic\s+limb|limb\s+movements|legs?|twitch\w*|jitters|kick\w*|creepy|crawl\w*|symptoms)\b/i;

// ---- efficacy: strong claims of benefit --------------------------------------------------
const CURE =
  /\b(?:cur(?:e|es|ed|ing)|fix(?:es|ed)?|eliminat\w+|eradicat\w+|banish\w*|resolv(?:e|es|ed)|(?:got|get|gets|getting)\s+rid\s+of|knock(?:s|ed)?\s+out|say\s+goodbye|keeps?\s+\w+\s+away|(?:stop|stops|stopped|end|ends|ended)\s+(?:(?:my|your|the|his|her|all|night-?time)\s+)?(?:rls|restless|legs?|twitch\w*|symptoms|it|them|leg)|miracle|guarantee[ds]?|for\s+good|forever|no\s+exceptions|reliably|(?:the\s+)?answer\s+(?:to|for)|(?:is|'s)\s+(?:your|the)\s+answer\b|curable|treats?\s+(?:both\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:and\s+)?(?:the\s+|your\s+)?(?:rls|restless\s+legs)|clears?\s+(?:up\s+)?(?:rls|restless|legs|symptoms)|vanish\w*|disappear\w*|works?\s+from\s+the|no\s+more\s+(?:\w+\s+)?(?:rls|restless|leg|legs|kicks?|twitch\w*)|(?:rls|legs?|symptoms)\s+(?:\w+\s+)?gone|(?:rls|legs?|symptoms)\s+(?:(?:is|was|are|were|just|totally|completely|basically|literally|simply)[\s.\u2026]+){1,3}gone|prevent\w*\s+(?:\w+\s+){0,3}completely|instant\s+relief|done\s+forever|heal(?:s|ed|ing)?|reverse[sd]?|(?:is|are)\s+history|a\s+thing\s+of\s+the\s+past|(?:zero|no)\s+(?:rls|restless\s+legs|twitch\w*|kicks?)|sort(?:s|ed)?\s+(?:\w+\s+){0,3}out|took\s+care\s+of|beat(?:s|ing)?\s+(?:my|the|your)\s+(?:rls|restless|legs)|shut(?:s|ting)?\s+(?:[\w']+\s+){0,3}(?:off|down)|(?:legs?|rls|symptoms)\s+(?:\w+\s+)?shut\s+(?:up|off|down)|melt\w*\s+away|fade\w*\s+away|(?:legs?|rls|symptoms|zaps|kicks|jerks|crawl\w*|twitch\w*)\s+(?:finally\s+|just\s+|all\s+|completely\s+|totally\s+|instantly\s+)?(?:stop(?:s|ped)?|quiet\s+down|die\s+down)\b|(?:legs?|rls|symptoms)\s+(?:are|is|were|was)\s+(?:\w+\s+)?(?:done|over|gone)|switch(?:es)?\s+(?:it|them)\s+off|wip(?:e|es|ed)\s+out|clear(?:s|ed)?\s+(?:it\s+|them\s+)?up|conquer\w*|defeat\w*|permanent\w*|works?\s+(?:wonders|like\s+magic|like\s+a\s+charm|every\s+(?:single\s+)?(?:time|night))|like\s+magic|magic\s+(?:bullet|pill|cure)|life[-\s]?chang\w*|game[-\s]?changer|(?:rls|symptom|twitch|kick)[-\s]free|(?:totally|completely|fully|entirely)\s+(?:gone|stopped|cured|fixed|resolved)|stop(?:s|ped)?\s+(?:it|them|rls|the\s+\w+)\s+(?:dead|cold|in\s+(?:its|their)\s+tracks)|(?:haven'?t|have\s+not|hasn'?t|never)\s+(?:had|felt)\s+(?:a\s+|one\s+|another\s+|any\s+)?(?:single\s+)?(?:flare|episode|twitch|kick|attack|symptom)\w*\s+(?:since|again))\b/gi;
const BEST =
  /\b(?:the\s+(?:very\s+)?best|best\s+(?:[\w-]+\s+)?(?:thing|treatment|remedy|option|cure|way|drug|med|medicine|supplement|choice)|most\s+effective|number\s+one|#\s?1|no\.\s?1|the\s+only\s+thing|nothing\s+(?:else\s+)?(?:beats|works|comes\s+close)|beats?\s+(?:everything|anything|every|any|all|medication|drugs|meds|pharma)|(?:finest|greatest|strongest|most\s+powerful)\b|>\s*(?:pharma|meds|drugs|prescriptions?)|go-?to\s+(?:first\s+)?(?:choice|treatment|option|drug|med|remedy|pick)|the\s+go-?to\s+(?:for|in|when)|first\s+(?:thing|drug|med|option|one|pill)\s+(?:you\s+|to\s+|people\s+)?(?:should\s+)?(?:reach|grab|try|go)\w*|better\s+than\s+(?:any|every|all|the)?\s*(?:drugs?|meds?|medications?|prescriptions?|pills?)|faster\s+than\s+any|(?:smarter|better|safer)\s+alternative|leading|first[-\s]line|single\s+most|hands[-\s]down|gold[-\s]standard|preferred\s+(?:first\s+)?(?:treatment|option|choice|drug|therapy)|first\s+(?:choice|treatment)|(?:most\s+)?powerful\s+treatment|secret\s+weapon|works?\s+better\s+than|holy\s+grail|the\s+one\s+(?:for|that\s+works)|top\s+(?:remedy|pick|choice|treatment)|outperforms?|nothing\s+works\s+(?:as\s+well|better)|the\s+real\s+deal|did\s+what\s+(?:\w+\s+){0,4}(?:couldn'?t|could\s+not|never\s+did))\b/gi;
const EVERYONE =
  /\b(?:works?\s+(?:for|on)\s+(?:everyone|everybody|anyone|all|tons|literally|every)|(?:every|each)\s+(?:rls\s+)?(?:patient|sufferer|person|pregnant)|(?:will|'ll)\s+work\s+for\s+(?:you|u)\b|nearly\s+(?:all|everyone|everybody)|almost\s+(?:everyone|everybody)|everyone\s+(?:on|with)|in\s+\d+\s?%\s+of|(?:for\s+)?100\s?%\s+of|should\s+just\s+prescribe|anyone'?s|works?\s+for\s+(?:most|all)\s+(?:people|patients|sufferers|of\s+us)|(?:every|any)one\s+with\s+(?:rls|restless\s+legs)\s+(?:should|needs?|must)|all\s+(?:rls\s+)?sufferers|(?:recommend|suggest)\w*\s+(?:it\s+|them\s+)?to\s+(?:every(?:body|one)|any(?:body|one)|all)|universal\w*)\b/gi;
const FAST =
  /\b(?:within\s+(?:like\s+|about\s+|just\s+|only\s+)?(?:\d+|a|an|one|two|three|a\s+few)\s+\w+|in\s+under\s+(?:\d+|a|an|one|two|three|five|ten|a\s+few)\s+\w+|in\s+(?:as\s+little\s+as\s+)?(?:\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s+(?:days?|minutes?|weeks?|seconds?|nights?|sessions?|treatments?|visits?|doses?)|on\s+contact|(?:days?|minutes?)\s+flat|from\s+the\s+(?:very\s+)?first\s+\w+|instantly)\b/gi;
const PROOF =
  /\b(?:(?:clinically|scientifically)\s+(?:proven|studied|tested)|proven|validated|backed\s+by\s+(?:science|research)|science\s+(?:says|shows)|studies\s+show|been\s+proven|(?:research|science|evidence|study|studies)[-\s]backed|medically\s+proven|(?:studies|trials|research)\s+(?:prove|confirm)s?|proven\s+(?:results|formula|remedy))\b/gi;

// ---- safety absolutes ----------------------------------------------------------------------
const SAFE =
  /\b(?:(?:no|zero|without|free\s+of|free\s+from)\s+(?:\w+\s+){0,2}(?:side[-\s]effects?|downsides?|risks?|contraindications?|warnings?|issues|problems|concerns|dangers)|side[-\s]effect[-\s]free|together\s+(?:is|are)\s+(?:totally\s+|perfectly\s+|completely\s+|just\s+)?(?:fine|ok|okay|safe)|(?:fine|ok|okay|safe)\s+together|gentlest|no\s+(?:real\s+|known\s+)?interactions?|(?:combined|mixed|taken|used)\s+(?:\w+\s+)?(?:freely|safely)|(?:reactions?|side[-\s]effects?|problems?)\s+(?:simply\s+|just\s+|basically\s+|practically\s+|virtually\s+|almost\s+)?(?:don'?t|do\s+not|never)\s+happen|nothing\s+harmful|safe\s+(?:pairing|combination|combo|mix)|(?:is|are|was)\s+(?:absolutely\s+|totally\s+)?no\s+problem|no\s+worries|(?:it'?s|its|is)\s+just\s+(?:a\s+)?(?:fruit|food|mineral|iron|salt|vitamin|water|nutrient)|(?:doc|doctor|gp|dr)\s+(?:\w+\s+)?worries\s+too\s+much|well[-\s]tolerated|without\s+(?:any\s+)?(?:dose\s+|dosing\s+)?(?:concerns?|worries|issues)|(?:completely|totally|perfectly|100\s?%|entirely|absolutely|utterly)\s+(?:safe|harmless|risk[-\s]free|fine|ok|okay)|harmless|risk[-\s]free|zero\s+risk|so\s+safe|safe\s+for\s+(?:literally\s+|just\s+about\s+)?(?:everyone|everybody|anyone|all|kids|children)|the\s+safest|safe(?:r)?\s+(?:alternative|choice|option)s?|(?:not|isn'?t|never)\s+(?:bad|harmful|dangerous|risky|hard)\s+(?:for|on)\s+(?:your\s+|the\s+)?(?:heart|kidneys?|baby|liver|lungs|breathing)|(?:risks?|warnings?|dangers?|that|the\s+\w+\s+thing)\s+(?:\w+\s+){0,3}?(?:was|were|is|are)\s+(?:\w+\s+)?(?:overblown|overstated|exaggerated|scaremongering|a\s+scare\s+story)|safe\s+for\s+(?:any|every|all)\s+(?:\w+\s+){0,2}(?:patients?|people|ones?|body|sufferers?|ages?)|(?:can\s+not|cannot|can'?t|impossible\s+to|never)\s+(?:overdose|od|(?:get|take|have|give|absorb|use|eat|drink|apply|soak\s+up)\s+(?:in\s+|up\s+)?(?:\w+\s+)?too\s+much)|(?:reactions?|side[-\s]effects?|problems?|complications?|issues)\s+(?:\w+\s+){0,3}(?:unheard\s+of|non-?existent)|(?:isn'?t|is\s+not|not|never)\s+(?:at\s+all\s+)?(?:habit[-\s]forming|addictive)|(?:won'?t|will\s+not|doesn'?t|does\s+not|never|can'?t|cannot)\s+interact|(?:in|at)\s+any\s+(?:amount|dose|dosage|quantity)|non[-\s]?addictive|not\s+addictive|non[-\s]habit[-\s]forming|(?:will\s+not|won'?t)\s+(?:make|affect)\s+(?:your|the|my)?\s*(?:rls|restless|legs)|safe\s+(?:to\s+\w+\s+)?(?:alongside|with|together\s+with|in\s+combination\s+with)\s+(?:any|all|every|other)\b|safe\s+as\s+(?:water|milk|candy|food)|(?:as\s+(?:much|many)\s+as\s+(?:you|they|he|she|u)\s+(?:like|want|need|please)|no\s+(?:upper\s+)?limit)|(?:pee|flush|wash)\w*\s+out\s+(?:the\s+|any\s+)?(?:extra|excess|rest)|no\s+(?:withdrawal|dependence|dependency|addiction|tolerance)|never\s+(?:causes?|gives?)\s+(?:augmentation|withdrawal|dependence|addiction|side[-\s]effects?)|augmentation\s+(?:is|=)\s+(?:a\s+|just\s+a\s+|mostly\s+a\s+|largely\s+a\s+)?(?:myth|overblown|not\s+real|made\s+up|rare|scare\s+story|overhyped|exaggerated)|natural\s*(?:,\s*)?(?:so|=|means|therefore)\s+(?:it'?s\s+|its\s+)?safe)\b/gi;
/** Mild reassurance: contradicted only by a caveat or a prescription, not by weak evidence of benefit. */
const SAFE_MILD =
  /\b(?:(?:can'?t|cannot|won'?t|will\s+not|doesn'?t|does\s+not)\s+(?:possibly\s+)?(?:(?:cause|do)\s+(?:any\s+)?)?(?:hurt|harm)(?!\s+(?:most|many|the\s+majority))(?:\s+you)?|nothing\s+(?:\w+\s+){0,4}?(?:could|can|would|will)\s+(?:hurt|harm)|nothing\s+to\s+lose|no\s+harm|gentle\s+enough|(?:not\s+a|no)\s+(?:real\s+)?concern)\b/gi;
/** A safety statement about pregnancy or kidneys: only an entry with a caveat on that topic, or weak evidence, contradicts it. */
const SAFE_IN =
  /\b(?:(?:safe(?:r|st)?|safely|fine|okay|ok|harmless|gentle|no\s+problem|not\s+a\s+problem|no\s+issue|well\s+tolerated|tolerated)[\s,]+(?:[\w,']+\s+){0,10}?(?:in|during|while|for|with|throughout|on)|even\s+(?:with|in|during|while|on))\s+(?:late\s+|early\s+|your\s+|my\s+|our\s+|their\s+)?(?:pregnan\w*|expect(?:ing|ant)\s+(?:mums?|moms?|mothers?)|breastfeed\w*|kidney|the\s+(?:first|second|third)\s+trimester|(?:ha?emo)?dialysis|(?:the\s+|your\s+|my\s+)?(?:baby|unborn)|trying\s+to\s+conceive|conceiving)|\b(?:in|during|while)\s+(?:early\s+|late\s+)?(?:pregnan\w*|breastfeeding|dialysis)\s+(?:is|are|was)\s+(?:totally\s+|perfectly\s+|completely\s+|absolutely\s+|just\s+)?(?:safe|fine|ok|okay|harmless|no\s+problem)|\b(?:no|zero)\s+(?:effect|impact)\s+(?:at\s+all\s+|whatsoever\s+)?on\s+(?:a\s+|the\s+|your\s+)?(?:pregnan\w*|baby|fetus|kidneys?)|\bnothing\s+(?:\w+\s+)?(?:passes|gets|crosses|goes)\s+(?:\w+\s+)?(?:to|into|through)\s+(?:the\s+)?(?:baby|placenta|fetus)|\b(?:kidney|renal)\s+(?:function|disease|problems?|failure)\s+(?:doesn'?t|does\s+not|won'?t|will\s+not|wouldn'?t)\s+(?:\w+\s+)?(?:affect|matter|change)/gi;
const TOPIC = /pregnan|expect(?:ing|ant)|fetal|fetus|trimester|baby|unborn|conceiv|kidney|renal|dialysis/i;

// ---- cause and mechanism myths -------------------------------------------------------------
/** "RLS is (really|just) a deficiency", "caused by low magnesium", "your body crying out for". */
const CAUSE =
  /(?:(?:\b(?:is|are|means?|(?:has|have|got)\s+to\s+be|must\s+be|gotta\s+be)|=|'s|\u2019s)\s+(?:really\s+|basically\s+|just\s+|simply\s+|all\s+|only\s+|actually\s+|nothing\s+but\s+)*(?:an?\s+|your\s+|the\s+)?(?:\w+\s+)?(?:deficien\w+|low\s+(?!risk|dose|cost|key|level|impact|quality)\w+|inflammation|(?:poor\s+)?circulation|\w+\s+imbalance|toxins?|stress|anxiety|fight[-\s]or[-\s]flight)|caused\s+by|\bno\s+(?:magnesium|potassium|minerals?|electrolytes?)\s+left|root\s+cause|what\s+causes|is\s+what\s+(?:causes|triggers)|triggers\s+(?:restless|rls)|crying\s+out\s+for|(?:are|you'?re|you\s+are|is)\s+(?:\w+\s+)?deficient|need\s+more\s+\w+|draining|(?:a\s+)?sign\s+of\s+(?:\w+\s+){0,2}(?:deficien\w+|dehydration|low\s+\w+)|(?:just|simply|only|all)\s+(?:your\s+)?(?:electrolytes?|dehydration|minerals?)|(?:takes?|drains?|steals?|strips?|uses?\s+up|burns?\s+through|depletes?|robs?|leach\w*|flush\w*\s+out|pulls?|sucks?\s+up|eats?\s+up)\s+(?:all\s+)?(?:of\s+)?(?:your|the\s+body'?s|the|her|my)\s+(?:\w+\s+)?(?:magnesium|potassium|minerals?|electrolytes?|stores?)|(?:magnesium|potassium|minerals?|electrolytes?)\s+(?:out\s+of|from)\s+(?:your|the)\s+body|(?:is|are)\s+going\s+to\s+the\s+baby|starved\s+of|screaming\s+for|strip\w*\s+\w+\s+from|the\s+same\s+thing|(?:are|is)\s+(?:\w+\s+)?(?:the\s+)?same\s+(?:condition|disease|disorder)|\b(?:comes?\s+from|stems?\s+from|results?\s+from|due\s+to|driven\s+by|because\s+of|down\s+to|the\s+result\s+of|blame\w*|thanks\s+to|happens?\s+when|is\s+what\s+(?:causes|triggers|makes))\s+(?:[\w']+\s+){0,4}?(?:low|lack|not\s+enough|deficien\w*|deplet\w*|magnesium|potassium|minerals?|electrolytes?|dehydrat\w*|inflam\w*|toxins?|circulation|acid\w*|gluten|dairy|sugar)|(?:\b(?:is|are)|=|'s|\u2019s)[\s,]+(?:[\w',]+\s+){0,7}?(?:(?:magnesium|mineral|potassium|electrolyte)\s+(?:shortfall|shortage|deficit|depletion|drain|loss|leak\w*|problem|issue|alarm|signal|warning|sos)|(?:magnesium|potassium|minerals?|electrolytes?)\s+(?:leak\w*|drain\w*|los\w+)|low[-\s]+(?:magnesium|potassium|minerals?|electrolytes?|mag)|inflam\w+)|\b(?:falling|low|lower|dropping|declining|depleted|lack\s+of|not\s+enough|too\s+little)\s+(?:\w+\s+)?(?:magnesium|potassium|minerals?|electrolytes?)\s+(?:is\s+why|is\s+what|is\s+the\s+(?:reason|cause)|causes?|triggers?|leads?\s+to|brings?\s+on)|\b(?:lack|lacks|lacking|missing|deprived\s+of|depleted\s+of)\s+(?:the\s+|enough\s+|any\s+)?(?:magnesium|potassium|minerals?|electrolytes?)|\b(?:you'?re|you\s+are|you\s+get|become)\s+(?:\w+\s+)?(?:depleted|deficient)|\b(?:begging|craving|starving|desperate|hungry|thirsty|pleading|yearning|aching)\s+for|\b(?:body|muscles?|legs?|nerves?|cells?|calves)\s+(?:\w+\s+){0,2}asking\s+for|\b(?:running|runs?|ran)\s+(?:low|out|short|on\s+empty)|\b(?:magnesium|potassium|mineral|electrolyte|your\s+magnesium|your\s+potassium)\s+(?:levels?\s+|stores?\s+)?(?:[\w,]+\s+){0,2}?(?:drop|fall|dip|crash|plummet|sink|are\s+low|runs?\s+(?:down|low|dry|out)|gets?\s+used\s+up)\w*|(?:burn\w*|run\w*)\s+(?:thru|through)\s+(?:\w+\s+)?(?:magnesium|potassium|minerals?|electrolytes?)|(?:run|runs|ran|are|is)\s+(?:\w+\s+)?dry|(?:mineral|magnesium)\s+drain|(?:calcium|magnesium|potassium|mineral|electrolyte)[-\s](?:\w+[-\s])?imbalance|leaves?\s+(?:\w+\s+){0,3}short|\b(?:that'?s|thats|which\s+is|is)\s+(?:\w+\s+)?what\s+(?:causes|triggers|drives|sets\s+off)|\b(?:low|short|lacking)\s+(?:on|in)\s+(?:magnesium|potassium|minerals?|electrolytes?)|\bnot\s+getting\s+enough|\b(?:mineral|nutrient|nutritional|electrolyte)\s+(?:problem|issue|imbalance|thing|deficit|gap|drain)|\bsame\s+(?:[\w-]+\s+){0,2}cause|\b(?:body|muscles|legs|nerves|cells|calves)\s+(?:is\s+|are\s+)?(?:telling|tells|signal\w*)\s+you)\b/gi;
/**
 * Causes of RLS that are no cause at all (toxins, heavy metals, a leaky gut, sugar, inflammation,
 * dehydration): named as what RLS or its sensations are, or where they come from. Unlike a
 * deficiency, which is sometimes part of the story, these need no "just" to be a myth.
 */
const MYTH = String.raw`(?:toxins?|lymph\w*|electrolytes?|toxic\s+(?:build-?up|load|overload|sludge)|heavy\s+metals?|leaky\s+gut|(?:your\s+|the\s+)?gut\s+(?:health|problem|issue|imbalance|dysbiosis)|(?:clogged|sluggish|toxic|congested)\s+liver|liver\s+(?:is\s+)?(?:clogged|congested|overloaded)|sugar\s+(?:problem|issue|spikes?|crash\w*|addiction)|candida|parasites?|(?:pinched|trapped|compressed)\s+nerves?|misalign\w*|subluxation\w*|(?:the\s+|your\s+)?gut(?:\s+lining)?|blood\s+sugar|too\s+acidic|acidity|(?:excess\s+)?adrenaline|inflam\w+|dehydrat\w*|mineral[-\s]poor)`;
const MYTH_CAUSE = new RegExp(
  String.raw`(?:\b(?:is|are|was|were|means?|(?:has|have|got)\s+to\s+be|must\s+be|comes?\s+from|caused\s+by|due\s+to|because\s+of|stems?\s+from|driven\s+by|signal\w*|a\s+sign\s+of|starts?\s+in|begins?\s+in|originates?\s+in|(?:is\s+)?rooted\s+in|explain\w*\s+(?:[\w-]+\s+){0,4}as)|=|'re|\u2019re|'s|\u2019s)\s+(?:[\w'\u2019,-]+\s+){0,6}?${MYTH}\b|\b${MYTH}\s+(?:[\w'\u2019-]+\s+){0,3}?(?:is\s+what\s+|are\s+what\s+)?(?:causes?|triggers?|drives?)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:rls|restless|legs?|symptoms|it)\b`,
  'gi',
);
/** An established part in RLS denied. */
const DENIES_PART =
  /\b(?:(?:has|have|had)\s+nothing\s+to\s+do\s+with|nothing\s+to\s+do\s+with|(?:is|was|were|are)\s+(?:never|not)\s+the\s+(?:problem|issue|cause)|(?:doesn'?t|does\s+not|don'?t|do\s+not)\s+matter|(?:is|are)\s+irrelevant)\b/gi;
/** "... doesn't matter once it's above 75": a condition after the denial makes it no denial. */
const CONDITIONED_AFTER = /^[^.;!?]{0,40}\b(?:if|unless|once|when|above|over|below|as\s+long\s+as)\b/i;
/** Reductive wording: the cause claim says it is the whole story. */
const REDUCTIVE = /\b(?:just|simply|basically|really|all|only|fundamentally|literally|ultimately|period|plain\s+and\s+simple|end\s+of\s+story|always\s+has\s+been|in\s+a\s+nutshell|nothing\s+(?:else|more)|at\s+(?:its|the)\s+(?:core|root)|nothing\s+but|full\s+stop|simple\s+as\s+that|everyone\s+knows|almost\s+everyone|root|same\s+thing)\b|=/i;
const MECHANISM =
  /\b(?:flush\w*\s+(?:out\s+)?(?:the\s+)?(?:inflammation|toxins)|(?:straight|directly|right)\s+(?:in)?to\s+(?:the\s+|your\s+)?(?:\w+\s+)?(?:muscles?|blood\w*|cells|nerves|tissues?)|(?:hits?|reach\w*|enters?|gets?\s+into)\s+(?:the\s+|your\s+)?bloodstream|absorb\w*\s+(?:straight\s+|directly\s+)?(?:through|via|into)\s+(?:the\s+|your\s+)?skin|bypass\w*\s+(?:the\s+|your\s+)?(?:digestive|gut|stomach)|(?:tingl\w*|sting\w*|burn\w*|itch\w*|prickl\w*)\b.{0,60}(?:\bmeans|\bshows|\bproves?|=|\bis\s+a\s+sign|\bis\s+the|\bgood\s+sign|\bproof|\bit'?s\s+working|\bhow\s+you\s+know)|deficiency\s+leaving|pulling\s+.{0,30}\s+out\s+of|\b(?:straight|directly|right)\s+through\s+(?:the\s+|your\s+)?skin|\bthrough\s+the\s+skin\s+(?:and\s+)?(?:in)?to\b|\b(?:delivers?|sends?|carries|drives?)\s+(?:\w+\s+){0,3}(?:straight|directly|right|deep)\s+(?:in)?to|\b(?:soak\w*|seep\w*|sink\w*|penetrat\w*)\s+(?:right\s+|straight\s+|directly\s+|deep\s+)?(?:in(?:to)?|through|the)\s+(?:the\s+|your\s+)?(?:skin|muscles?|tissues?|cells|blood\w*|calf|calves|legs?|nerves)|\b(?:detox\w*|draws?\s+out|pulls?\s+out|sucks?\s+out)\s+(?:the\s+|all\s+(?:the\s+)?|your\s+)?(?:toxins|poisons|impurities|inflammation|acid\w*|heavy\s+metals)|\btoxins\s+(?:leaving|coming\s+out|being\s+(?:released|drawn))|\b(?:draw|pull|suck|leach)\w*\s+(?:the\s+|all\s+(?:the\s+)?|your\s+)?(?:toxins|poisons|impurities|heavy\s+metals)\s+out|\bstraight\s+to\s+the\s+source|\b(?:offload\w*|dump\w*|push\w*|send\w*)\s+(?:its\s+|the\s+|their\s+|all\s+)?toxins|\b(?:floods?|pours?|rushes?)\s+(?:right\s+|straight\s+|directly\s+)?in(?:to)?\b|\b(?:through|via|into|opens?)\s+(?:the\s+|your\s+)?(?:\w+\s+)?pores)/gi;

/** Products put on the skin. */
const SKIN_ROUTE = /\b(?:creams?|oils?|sprays?|lotions?|balms?|gels?|butter|baths?|soaks?|flakes|skin|topical\w*|rub\w*|roll-?on)\b/i;
/** The substance said to get inside the body, to the nerves or muscles. */
const REACHES_INSIDE =
  /\b(?:reach\w*|gets?\s+(?:in)?to|goes?\s+(?:straight\s+)?(?:in)?to|carr(?:y|ies|ying)\s+(?:\w+\s+){0,2}(?:in)?to|works?\s+(?:its\s+way\s+)?(?:in)?to|feed(?:s|ing)?|nourish\w*)\s+(?:the\s+|your\s+)?(?:nerves|muscles?|cells|tissues?|bloodstream)\b/gi;

// ---- use of an aggravator (or of a drug that is no RLS treatment) for relief -------------------
const RELIEF =
  /\b(?:help(?:s|ed)?\s+(?:\w+\s+)?(?:sleep|relax|settle|calm)|(?:to|for)\s+(?:sleep|fall\s+asleep|relax|the\s+(?:restless|legs|nausea)|(?:my\s+|the\s+|your\s+)?(?:\w+\s+)?(?:restless\s+legs|legs|rls)(?!\s+(?:folks|people|patients|sufferers|community|groups?|meetups?|support|appointments?|visits?|doctors?|clinic|specialists?|consult\w*|check-?ups?|nurses?|neurologists?|reviews?))|nights?)|before\s+bed|at\s+bedtime|at\s+night|every\s+night|in\s+the\s+evening|with\s+dinner|knocks?\s+(?:me|you|myself|yourself)\s+(?:right\s+)?out|knock\s+(?:myself|yourself)\s+out|asleep|sleep\s+(?:right\s+)?through|(?:rls|legs?|syndrome|symptoms|it|they)\s+(?:is\s+|are\s+)?(?:keep\w*|kept)\s+(?:you|u|me|him|her|them|us)\s+(?:up|awake|tossing)|sleepless\w*|out\s+of\s+(?:my|your|the)\s+legs|takes?\s+the\s+edge\s+off|calm\w*|settle\w*|relax\w*|sooth\w*|go-to|drown\w*\s+(?:\w+\s+){0,3}out|shut\s+up|mute[sd]?|muffle[sd]?|survival\s+kit|(?:rls|legs)\s+(?:\w+\s+)?(?:quiet|quieter|silent)|sleep\s+(?:fix|aid|med)|works\s+for\s+me|survive|trick|swears?\s+by|great\s+for|is\s+fine|fall\s+asleep|gentle\s+way|when\s+(?:your|my|the)\s+legs|by\s+the\s+bed|helps?\s+(?:my|the|your)\s+(?:rls|legs|restless)|lights\s+out|out\s+like\s+a\s+light|zonk\w*|conk\w*\s+out|pass(?:ed)?\s+out|drift\w*\s+off|doze\s+off|nod\s+off|wind\s+down|unwind\w*|chill\w*|mellow\w*|numb\w*|nightcap|shut-?eye|(?:some|get|catch)\s+(?:some\s+)?(?:rest|sleep|z'?s)|rest\s+easy|bad\s+(?:[\w-]+\s+){0,3}nights?|get\w*\s+(?:you|me|u|us)\s+through|keeps?\s+(?:my|the|your)\s+(?:\w+\s+)?(?:legs|rls|restless\s+legs|symptoms)\s+(?:in\s+check|at\s+bay|quiet|calm|under\s+control)|good\s+choice|knocks?\s+(?:\w+\s+)?out|[234]\s?am|middle\s+of\s+the\s+night|life\s?saver|saviou?r|bonus|(?:for|with)\s+(?:my\s+|the\s+|your\s+|a\s+|his\s+|her\s+)?(?:allerg\w+|hay\s+fever|nausea|colds?|flu|stomach|morning\s+sickness|insomnia|itch\w*|hives)|(?:rls|restless\s+legs)\s+or\s+not|regardless\s+of\s+(?:the\s+|your\s+)?(?:rls|restless))\b/gi;
/** The sentence warns against it or reports moving away from it: supported, not a use. */
const WARNING =
  /\b(?:worse\w*|worst|from\s+hell|(?:legs|rls)\s+(?:were|was|went)\s+(?:\w+\s+){0,2}(?:crazy|haywire|nuts|mental|crawling|jumping|wild)|awful|terrible|horrible|nightmare|unbearable|miserable|never\s+again|(?:do\s+not|don'?t)\s+mix|(?:are|is)\s+new|since\s+(?:starting|i\s+started)|worsen\w*|aggravat\w*|trigger\w*|avoid\w*|flare\w*|stay\s+away|instead|switch(?:ed|ing|es)?\s+(?:to|from|over|me)|non-?drowsy|non-?sedating|cut(?:ting)?\s+(?:back|out|down)|quit\w*|stopped|limit\w*|skip\w*|less|fewer|threw|throw|bin(?:ned)?|made\s+(?:my\s+)?(?:rls|legs?|restless\s+legs|symptoms)\s+(?:\w+\s+)?worse|warn\w*|risk\w*|check|ask\s+(?:your|a)\s+(?:doctor|pharmacist)|contains?)\b/i;
/** "When my RLS flares, I ...": the flare is the occasion of the use, no warning against it. */
const OCCASION = /\b(?:when|whenever|if|once)\s+(?:my|the|your|his|her)?\s*(?:rls|legs?|restless\s+legs?|symptoms)\s+(?:\w+\s+)?(?:flares?|flaring)(?:\s+up)?/gi;
/** "contains" in product copy about a sleep aid is a use (DreamEase contains diphenhydramine ... to fall asleep). */
const SELLING = /\b(?:fast\s+way|the\s+way|try|tip|keep|pop|ask\s+for|ask\s+(?:your|a)\s+(?:doctor|gp)\s+for\s+(?:a|an|some)|pour|drink|sip\w*)\b/i;
/** A question the next sentence answers with what to take. */
const ASKS_WHAT_TO_TAKE = /\bwhat\s+(?:do|should|can|would|did)\s+(?:i|you|we|people|u)\s+(?:take|use|try|do)\b/i;
const ANYTHING = /^.+$/gs;
/** A question about why RLS happens; the sentence after it answers with a cause. */
const WHY_ASKED = /^\W*(?:so\s+)?(?:why|what\s+(?:causes|triggers|is\s+behind|sets\s+off)|what'?s\s+(?:behind|causing)|the\s+reason)\b/i;
/** "Low potassium.", "A magnesium deficiency, plain and simple.": a lack given as that answer. */
const LACK_ANSWER = /^\W*(?:it'?s\s+|simple\W+|easy\W+)?(?:low|lack\s+of|not\s+enough|too\s+little|deficien\w+|(?:an?\s+)?\w+\s+deficiency)\b/gi;
/** Words right before an aggravator that cut it down rather than use it. */
const CUTS_DOWN =
  /\b(?:cut(?:ting)?(?:\s+(?:down|back|out))?(?:\s+on)?|reduc\w+|limit\w*|quit(?:ting)?|giv(?:e|ing)\s+up|avoid\w*|skip(?:ping)?|stop(?:ping)?|less|no\s+more|fewer)\s+(?:\w+\s+){0,2}$/i;
/** A drug taken for a serious other condition: the RLS verdict is no advice about it. */
const OTHER_CONDITION =
  /\bfor\s+(?:my\s+|his\s+|her\s+|their\s+|the\s+)?(?:bipolar|epilepsy|seizures|schizophrenia|psychosis|malaria|parkinson\w*|pre-?eclampsia|eclampsia|depression|anxiety|ocd|panic\s+attacks)\b/i;

// ---- stopping a prescribed drug abruptly, steering away from care -------------------------------
const STOP =
  /\b(?:stop(?:s|ped|ping)?|went\s+(?:in(?:to)?\s+)?the\s+(?:bin|trash|garbage)|quit(?:ting)?|ditch(?:ed)?|binn?(?:ed)?|throw\s+(?:out|away)|threw\s+(?:out|away)|(?:throw|threw|toss\w*|dump\w*|chuck\w*)\s+(?:\w+\s+){1,4}(?:out|away|in\s+the\s+(?:bin|trash|garbage))|peel\w*\s+(?:\w+\s+){1,3}off|rip\s+(?:\w+\s+){0,3}off|discontinu\w*|pull\s+(?:\w+\s+){0,3}off|cut\s+(?:it|them)\s+out|come\s+off|get\s+off|drop(?:ped)?|toss(?:ed)?|dump(?:ed)?|(?<!\b(?:nod|nodd(?:ed|ing)|nods|doz(?:e|ed|es|ing)|drift(?:ed|ing|s)?|set|sets|wear(?:s|ing)?|wore|worn|ward|show|turn(?:ed|s)?|switch(?:ed|es)?|shut|kick(?:ed|s)?|pass(?:ed|es)?|log(?:ged)?|dropp(?:ed|ing)|fell|fall(?:s|ing)?|go(?:es)?|went|slept|sleep)\s)off|to\s+(?:nothing|zero)|flush(?:ed)?\s+(?:it|them|my|the|your)|done\s+with|kick(?:ed)?\s+(?:\w+\s+){1,3}to\s+the\s+curb)\b/gi;
const ABRUPT =
  /\b(?:cold\s+turkey|(?:stop(?:ped|ping)?|quit(?:ting)?|dropped)\s+(?:\w+\s+){0,2}cold\b|on\s+day\s+(?:one|1)|before\s+(?:their|your|the|my|our)\s+first\s+(?:session|visit|appointment|consultation|treatment)|(?:simply|just)\s+(?:stop|quit|ditch|drop|bin)|(?:don'?t|do\s+not)\s+(?:take|put|use|wear)\s+(?:on\s+)?another|abrupt\w*|sudden\w*|all\s+at\s+once|overnight|tonight|today|right\s+away|immediately|dead|no\s+taper|without\s+(?:a\s+)?taper\w*|without\s+telling|on\s+my\s+own|on\s+your\s+own|for\s+good|never\s+take\s+another|tough\s+it\s+out|completely|poison|switch\s+to|all\s+you\s+need|go(?:ing)?\s+(?:all\s+)?natural|never\s+look\s+back|only\s+need|no\s+need\s+to\s+involve|in\s+one\s+go|at\s+once|just\s+like\s+that|quickly|fast|rapid\w*|(?:that|the)\s+(?:same\s+)?(?:night|day)|no\s+need\s+to\s+(?:call|ring|phone|ask|tell|check\s+with)\s+anyone|never\s+(?:took|take|put|used|wore|touched)\s+(?:on\s+)?another|one\s+night|(?:in|into)\s+the\s+(?:bin|trash|garbage)|w\/o\s+telling|over\s+(?:one|a|the)\s+weekend|flat|just\s+do\s+it|no\s+(?:doc|doctor|gp)\s+needed|no\s+(?:need\s+(?:to|for)\s+(?:a\s+)?)?(?:taper\w*|wean\w*)|skip\s+the\s+(?:taper\w*|wean\w*)|taper\w*\s+(?:is|are)\s+(?:pointless|unnecessary|a\s+scam|for\s+wimps|overrated|a\s+waste)|(?:don'?t|do\s+not)\s+(?:need\s+to\s+|have\s+to\s+|bother\s+(?:to\s+)?)?(?:taper|wean)|who\s+needs|(?:big\s+)?pharma|band-?aid)\b/i;
/** An order to throw a medicine away ("Throw out the Sinemet and see how you feel"): no taper in that. */
const DISCARD_ORDER = /^\W*(?:just\s+|simply\s+|so\s+)?(?:throw|toss|bin|dump|flush|chuck)\s+(?:out\s+|away\s+)?(?:the|your|those|that|all|every)\b/i;
const SAFE_STOP = /\b(?:with\s+(?:your|a|my|the)\s+(?:doctor|prescriber|gp|neurologist|clinician)|talk\s+to|ask\s+your|under\s+supervision|slowly|gradually|mistake|regret|should\s+not\s+have|shouldn'?t\s+have)\b/i;
const STEER =
  /\b(?:skip\s+the\s+(?:doctor|gp|tests?)|no\s+need\s+to\s+(?:see|involve|ask|bother)\s+(?:\w+\s+)?(?:doctor|gp|ob|neurologist)|don'?t\s+(?:bother|mention)\b.{0,60}\b(?:doctor|ob|gp|tested|test|testing)|ditch\s+your\s+(?:\w+\s+){0,2}(?:prescriptions?|meds|medications?|drugs)|forget\s+(?:about\s+)?(?:the\s+|your\s+)?(?:\w+\s+)?(?:doctors?|gp|neurologist|specialist|tests?|bloodwork|labs?|meds|medications?|pills|prescriptions?)|skip\s+(?:the\s+|your\s+|any\s+)?(?:\w+\s+){0,3}(?:doctors?|gp|tests?|bloodwork|labs?|appointment|infusions?|iv\s+iron|neurologists?|specialists?|sleep\s+stud\w+|blood\s+draws?|checks?)|(?:don'?t|do\s+not|never|why)\s+waste\s+(?:\w+\s+){0,3}on\s+(?:a\s+|the\s+|your\s+|any\s+)?(?:\w+\s+)?(?:tests?|bloodwork|labs?|doctors?|neurologists?|specialists?|infusions?|sleep\s+stud\w+)|\b(?:test|check|screen|stud)\w*\b[^.!?]{0,60}[.!?,]?\s*(?:just\s+)?don'?t\s+bother\b|doctors\s+(?:only|just)\s+(?:push|want)|(?:they'?ll|will)\s+just\s+push|don'?t\s+bother\s+(?:getting\s+)?test\w*|(?:don'?t|do\s+not|never)\s+need\s+(?:a|to\s+see\s+a|your|the)\s+(?:doctor|gp|neurologist|prescription)|better\s+than\s+any\s+prescription|don'?t\s+let\s+(?:them|your\s+\w+|anyone|the\s+\w+)\s+(?:talk\s+you\s+into|order|run|do)\s+(?:\w+\s+){0,2}(?:tests?|bloodwork|labs|infusions?)|(?:don'?t|do\s+not|never|no\s+need\s+to|why)\s+(?:\w+\s+)?(?:see|visit|go\s+to|waste\s+(?:\w+\s+){0,2}on|trust|listen\s+to|pay)\s+(?:a\s+|the\s+|your\s+|any\s+)?(?:doctors?|neurologists?|gps?|specialists?|sleep\s+clinic|mds?|physicians?)|doctors?\s+(?:don'?t\s+know|are\s+clueless|have\s+no\s+(?:idea|clue)|are\s+useless|are\s+paid|are\s+shills|only\s+care|know\s+nothing)|(?:big\s+)?pharma\s+(?:doesn'?t|does\s+not|won'?t|will\s+never)\s+want|who\s+needs\s+(?:a\s+)?(?:doctors?|pharma|meds|prescriptions?|pills)|no\s+(?:appointment|doctor|doc|gp|prescription|referral)\s+(?:needed|required|necessary)|(?:don'?t|no\s+need\s+to|never)\s+(?:get|have)\s+(?:your\s+)?(?:ferritin|iron|blood)\s+(?:\w+\s+)?(?:checked|tested|tests?|drawn))/gi;

/**
 * Steering away from care, unless a clinician is in the sentence: throwing out one's pills
 * ("threw out my RLS pills and never looked back"), or a treatment the evidence supports called
 * a racket ("iron infusions are a racket, skip them").
 */
const STEER_AWAY =
  /\b(?:(?:threw|throw|toss\w*|binn?(?:ed)?|ditch\w*|dump\w*|quit|stop\w*|flush\w*)\s+(?:out\s+|away\s+)?(?:all\s+)?(?:of\s+)?(?:my|your|the|their|our|every|all)\s+(?:\w+\s+){0,2}(?:pills|meds|medications?|prescriptions?|drugs)|(?:are|is)\s+(?:a\s+|just\s+a\s+|such\s+a\s+)?(?:racket|scam|rip-?off|money\s+grab|cash\s+grab|con|hoax)|(?:tests?|testing|bloodwork|blood\s+work|labs?|checks?|infusions?)\s+(?:are|is)\s+(?:\w+\s+)?(?:pointless|unnecessary|a\s+waste|overkill)|^\W*(?:(?:nah|no|nope)\W+)?(?:just\s+)?(?:say\s+no|skip\s+(?:it|them|that)|refuse\s+(?:it|them)|decline\s+(?:it|them))|sent\s+(?:it|them)\s+(?:right\s+)?back|(?:don'?t|do\s+not)\s+waste\s+(?:your\s+)?(?:time|money)\s+on)\b/gi;

/** A sentence the page itself disputes, here or in the next sentence. */
const DISPUTE =
  /\b(?:(?:evidence|proof|data|science)\s+(?:just\s+|simply\s+|really\s+)?(?:isn'?t|is\s+not|wasn'?t|aren'?t)\s+there|not\s+what\s+(?:the\s+)?(?:research|evidence|science|studies|data|trials?|guidelines?)\s+(?:says?|shows?|finds?|found)|(?:research|evidence|science|studies|data|trials?)\s+(?:\w+\s+){0,2}(?:doesn'?t|does\s+not|don'?t|do\s+not|didn'?t|did\s+not)\s+(?:back|support|show|bear)|(?:we|i)\s+(?:won'?t|will\s+not|wouldn'?t|can'?t)\s+(?:say|claim|promise)\s+(?:that|this|it)|not\s+true|untrue|is\s+not\s+true|isn'?t\s+true|myths?|false|wrong(?!\s+(?:form|kind|type|dose|one|brand|product|way|time|thing|size))|no\s+(?:good\s+|solid\s+|real\s+|scientific\s+|trial\s+|clinical\s+)*(?:evidence|proof|data)|only\s+evidence|no\s+guidelines?\s+(?:recommends?|supports?)|not\s+supported|isn'?t\s+supported|unsupported|unproven|debunk\w*|not\s+quite|does\s*n[o']t\s+hold|nonsense|misleading|in\s+fact|pointed\s+out|(?:is|just)\s+marketing|not\s+science|not\s+buying|not\s+so\s+fast|that'?s\s+not\s+how|don'?t\s+believe|not\s+backed|however(?!\s+(?:many|much|long|often|far|big|small|you))|but\s+(?:the\s+)?(?:evidence|studies|research|trials)|no\s+(?:good\s+|real\s+|published\s+|such\s+)?(?:study|studies|trials?|research)\b|tell\s+that\s+to|yeah\s+right|(?:bad|worst|terrible|awful|dangerous|horrible|dumb|stupid|reckless)\s+(?:[\w-]+\s+){0,2}advice|please\s+(?:don'?t|dont|do\s+not)|(?:says?|suggests?|shows?|tells?)\s+otherwise|(?:suggests?|recommends?|advises?|advised|warns?)\s+(?:strongly\s+)?against|not\s+recommended|(?:doesn'?t|does\s+not|don'?t|do\s+not)\s+show\s+(?:that|this|it)|(?:nobody|no\s+one)\s+(?:has\s+)?(?:ever\s+)?studied|never\s+been\s+(?:properly\s+)?studied|red\s+flag|hard\s+(?:pass|no)|please\s+ignore\s+\w+|ignore\s+(?:that|this|those|anyone|everyone)\b|drew\s+criticism|criticis\w+|big\s+if\s+true|not\s+any\s*more|so\s+no\b(?!\s+\w)|nope|turns\s+out\s+(?:nobody|no\s+one|there'?s\s+no|it\s+(?:doesn'?t|isn'?t|wasn'?t)|that'?s\s+(?:not|false|wrong))|called\s+(?:that|it|this)\s+(?:\w+\s+)?(?:dangerous|reckless|wrong|irresponsible|nonsense)|which\s+the\s+\w+\s+ignores|(?:(?:can|could|may|will)\s+(?:\w+\s+)?)?make\s+(?:rls|restless\s+legs|it|symptoms|things|(?:the|your|my)\s+legs)\s+worse|withdrawal\s+is\s+real|contrary\s+to|fact[-\s]?check\w*|citation\s+needed|not\s+(?:been\s+)?(?:shown|proven|demonstrated)|(?:isn'?t|wasn'?t|hasn'?t\s+been)\s+(?:shown|proven)|not\s+(?:a\s+single|one)\s+(?:study|trial)|lacks?\s+(?:\w+\s+)?(?:support|evidence|proof))\b/i;
const MYTH_HEADING = /^\W*(?:subject:\s*)?(?:[\w'-]+\s+){0,3}(?:myths?|misconceptions?|false\s+claims?|debunked)\b[^.!?]{0,40}[.!?:]?\s*$/i;
const ADDRESSED = /^\W*to\s+(?:the\s+|all\s+the\s+|everyone\s+|anyone\s+|those\s+)?(?:people|folks|ppl|commenters?|posters?|everyone|anyone|those)\b[^:]{0,160}:/i;
const CLAIM_LABEL = /^\W*(?:the\s+)?(?:claim|rumou?r|what\s+(?:they|people)\s+say|(?:customer\s+|reader\s+|user\s+)?(?:review|comment|testimonial|question))\s*:/i;
const VERDICT_LABEL =
  /^\W*(?:the\s+)?(?:reality|fact|facts|truth|verdict|evidence|what\s+the\s+evidence\s+says|(?:(?:our|the)\s+)?(?:pharmacist|doctor|editor|expert|nurse|moderator|clinician)(?:'?s)?\s+(?:note|answer|reply|response|take|comment))\s*:/i;
/** Someone else's claim ("people say", "forums claim") that the page answers with a contrast. */
const ATTRIBUTED =
  /\b(?:(?:people|ppl|folks|they|blogs?|bloggers|ads?|adverts?|advertisements?|sites?|websites?|forums?|influencers?|marketers?|companies|brands?|sellers?|some(?:one|body)?|my\s+\w+|many|others|(?:a|an|one|this|that|the|some)\s+(?:\w+\s+)?(?:friend|neighbou?r|relative|coworker|colleague|guy|lady|woman|man|poster|commenter|user|member|doctor|gp|nurse|pharmacist|naturopath|chiropractor|influencer|post|video|tiktok|reel|article|thread|comment|review|story|meme|headline|author|writer|host|guest|caller|coach|label|seller|shop|store|pin|page|group|book|podcast|expert|trainer|instructor|salesman|rep|ad|advert|website|blog))\s+(?:\w+\s+){0,3}?(?:say|says|said|saying|claim\w*|swear\w*|insist\w*|believe\w*|argue\w*|promis\w*|tell|tells|telling|told|wrote|writes|writing|posted|posts|posting|shar(?:e|es|ed|ing)|repeat\w*|commented|tweeted)|claims?\s+that|(?:idea|notion|belief|myth|rumou?r|theory)\s+(?:\w+\s+){0,3}?that|(?:saw|seen|read|heard)\s+(?:a|an|this|that|some|one)\s+(?:\w+\s+)?(?:saying|claiming|that\s+says|that\s+claims)|common\s+belief|you(?:'ll)?\s+(?:hear|read)|is\s+often\s+said|\w+\s+(?:above|below|upthread|earlier|here)\s+(?:say|says|said|claim\w*|insist\w*|swear\w*|wrote|posted))\b|(?:^|["\u201c\u2018'])[^"\u201d\u2019]{12,}["\u201d\u2019'][,.]?\s+(?:\w+\s+){0,3}?(?:say|says|said|claim\w*|insist\w*|swear\w*|writes|wrote|posted|promis\w*|according\s+to)\b/i;
/** The page agrees with the claim it passes on. */
const ENDORSES = /\b(?:spot\s+on|nailed\s+it|(?:is|was|'s|were|are)\s+(?:totally\s+|so\s+|absolutely\s+|completely\s+|100%\s+)?right|i\s+agree|doing\s+exactly\s+that|it\s+tracks|(?:and|so)\s+i\s+did|(?:for\s+me|in\s+my\s+case)[,\s]+(?:it\s+)?(?:\w+\s+)?(?:delivered|worked|did\s+the\s+trick))\b/i;
const CONTRAST =
  /\b(?:but|however|though|although|yet|honestly|actually|in\s+reality)\b|(?:^|[,;:.!?\u2014]\s*)(?:really|just)\b|\b(?:it'?s|that'?s|thats|its|(?:it|that|this)\s+is|is\s+that|or)\s+just\b|\b(?:studies|research|trials?|evidence|experts?|specialists?|fda|guidelines?|regulators?|pharmacists?|reviews?)\s+(?:\w+\s+){0,4}(?:shows?|links?|suggests?|says?|finds?|found|points?)\b/i;
/** A denial inside a cue's own span ("is not caused by low magnesium"), for cues that are no denial themselves. */
const NEGATION_INSIDE = /\b(?:not|never|no|cannot|isn'?t|aren'?t|doesn'?t|don'?t|didn'?t|wasn'?t|nothing)\b|n't\b/i;
const deniedInside = (cue: string) => NEGATION_INSIDE.test(cue.replace(/\bnothing\s+but\b/gi, ''));
/** The sentence after an attributed claim answers it ("No.", "Don't do that.", "..., not RLS"). */
const REBUTS = /^\W*(?:no|nope|nah|not|never|wrong|false|lol|lmao|rofl|haha\w*|sure\s+jan)\b|^\W*(?:you|u)\s+(?:can'?t|cannot|shouldn'?t|should\s+not|mustn'?t)\b|\bnot\s+an?\s+(?:rls|restless\s+legs)\s+(?:treatment|remedy|cure|drug|medicine)|^\W*(?:it|that|this|they)\s+(?:\w+\s+)?(?:makes?|made)\s+(?:\w+\s+)?(?:rls|restless\s+legs|symptoms|(?:the|your|my)\s+legs)\s+worse|\b(?:is|are|was|were|does|do|did)\s*n[o']t\s+(?:\w+\s+){0,2}?(?:['\u2018"\u201c]|everyone|everybody|all|true|safe|proven|a\s+cure|how)|\b(?:can|could|may|might)\s+(?:\w+\s+)?(?:cause|raise|increase|worsen|trigger|lead\s+to|harm|interact)\b|\bbirth\s+defects?\b|\b(?:one|a|tiny|small|single|two)\s+(?:\w+\s+)?(?:study|trial|case\s+series|case\s+reports?)\b|\bevidence\s+(?:is|was)\s+(?:\w+\s+)?(?:thin|weak|limited|poor|mixed|lacking|missing)\b|^\W*(?:it|that|this|they)\s+(?:isn'?t|is\s+not|aren'?t|are\s+not|wasn'?t|doesn'?t|does\s+not)\b|\b(?:don'?t|dont|do\s+not)\s+do\s+(?:that|this|it)\b|\bnot\s+(?:for\s+)?(?:rls|restless)|\b(?:dangerous|unsafe|not\s+safe|harmful)\b/i;
/**
 * A caution waved away ("augmentation is a myth", "you don't need to wean, that's a pharma
 * myth"): the myth word belongs to the claim, it does not dispute it.
 */
const CAUTION = /\b(?:augment\w*|withdrawa?l\w*|withdrawl|taper\w*|wean\w*|side[-\s]effects?|test\s+dose|warnings?|rebound|dependen\w*|addict\w*|tolerance)\b/i;
const DISMISSAL = /\b(?:myth|nonsense|scare\s*words?|overblown|exaggerat\w*|overrated|overstated|made\s+up|not\s+real|scam|hype|no\s+such\s+thing|old[-\s]school|outdated|obsolete|overkill)\b/i;
const DISMISSAL_ALL = new RegExp(DISMISSAL.source, 'gi');
const NOT_DISMISSAL = /\b(?:not|isn'?t|no)\s+(?:a\s+)?(?:myth|nonsense|hype)\b/i;

/** The sentence reports harm ("made my legs worse"). */
const WORSENED = /\b(?:worse|worsen\w*|aggravat\w*)\b/i;
/** The sentence reports that it did not work ("was no different", "still up every night"). */
const FAILED = /\b(?:no\s+different|no\s+difference|did\s*n[o']?t|did\s+not|still(?!\s+(?:the|a|an|is|my|your|our|their|recommended|first))|no\s+change|nothing\s+changed|not\s+work\w*|does\s*n[o']?t\s+work|useless|waste)\b/i;
const OTHERS_RUN_DOWN = /\b(?:every|all|any)\s+(?:the\s+)?other\s+[^,.;]*/gi;
const SUPPOSED = /\b(?:if|unless|even\s+if)\b[^,.;]*/gi;
const QUESTION_OPENERS = new Set([
  'does', 'do', 'did', 'is', 'are', 'was', 'can', 'could', 'will', 'would', 'should', 'has', 'have', 'what', 'why',
  'how', 'which', 'who', 'anyone', 'any', 'so', 'really', 'am', 'where', 'when',
]);
const CONDITIONAL = new Set(['if', 'whether', 'unless']);

export interface FrameContext {
  sentence: Sentence;
  /** The whole analysed text and the sentence's text. */
  text: string;
  sentenceText: string;
  mentions: readonly TextMention[];
  entries: ReadonlyMap<string, Entry>;
  pageAboutRls: boolean;
  /** The sentence before, when it leads into this one ("Restless legs? It's a sign of ..."). */
  previousText?: string;
}

export interface FrameHit {
  mentionId: number;
  entryId: string;
  frame: FrameFlag;
}

/**
 * The test before the frames: does the sentence hold any cue at all? The cue patterns
 * themselves, so a new wording can never be missed by a hand-kept word list; tested one by one,
 * not joined into one pattern: the engine compiled the joined 14 KB pattern in 145 ms on first
 * use, the parts in 39 ms all told (and the frames compile the parts anyway).
 */
const CUES = [CURE, BEST, EVERYONE, FAST, PROOF, SAFE, SAFE_MILD, SAFE_IN, CAUSE, MYTH_CAUSE, DENIES_PART, MECHANISM, REACHES_INSIDE, RELIEF, STOP, STEER, STEER_AWAY, DISMISSAL_ALL];
function holdsCue(text: string): boolean {
  return CUES.some((regex) => matches(regex, text).length > 0);
}

/** The frames this sentence makes, at most one per kind; empty for most sentences. */
export function findFrames(ctx: FrameContext): FrameHit[] {
  const { sentenceText } = ctx;
  if (!holdsCue(sentenceText) && !(ctx.previousText && (ASKS_WHAT_TO_TAKE.test(ctx.previousText) || WHY_ASKED.test(ctx.previousText)))) return [];
  const subjects = ctx.mentions
    .map((m) => ({ mention: m, entry: ctx.entries.get(m.entryId) }))
    .filter((s): s is { mention: TextMention; entry: Entry } => !!s.entry);
  if (subjects.length === 0) return [];
  // Where the claim begins: its first strong cue (not the setting "for RLS", not a dismissal).
  const claimAt = () =>
    Math.min(...CUES.filter((regex) => regex !== DISMISSAL_ALL && regex !== RELIEF).map((regex) => matches(regex, sentenceText)[0]?.start ?? Infinity));
  if (disputed(ctx, claimAt)) return [];
  const hits: FrameHit[] = [];
  const add = (hit: FrameHit | undefined) => {
    if (hit && !hits.some((h) => h.mentionId === hit.mentionId)) hits.push(hit);
  };
  add(stopping(ctx, subjects));
  add(useOf(ctx, subjects));
  add(safety(ctx, subjects));
  add(cause(ctx, subjects));
  add(efficacy(ctx, subjects));
  return hits.slice(0, 1);
}

type Subject = { mention: TextMention; entry: Entry };

const isTreatment = (s: Subject) => !CONDITION_KINDS.has(s.entry.kind);
/** A treatment whose evidence for RLS is weak, named as RLS's cause ("low magnesium", "potassium"): an aggravator is a cause of another kind. */
const namesWeakCause = (s: Subject) => isTreatment(s) && UNSUPPORTED.has(s.entry.verdict) && s.entry.kind !== 'aggravator';

function efficacy(ctx: FrameContext, subjects: Subject[]): FrameHit | undefined {
  // "If it didn't work for you, ..." supposes a failure; it reports none.
  // "every other drug is a waste of time" runs the others down; it is no failure of this one.
  const failed = FAILED.test(ctx.sentenceText.replace(SUPPOSED, '').replace(OTHERS_RUN_DOWN, ''));
  if (!aboutRls(ctx) || failed || OTHER_CONDITION.test(ctx.sentenceText)) return undefined;
  // "made my legs worse within a week, so I stopped it": in a report of harm a time cue promises
  // nothing, and what was stopped is the treatment.
  const harmReported = WORSENED.test(ctx.sentenceText);
  for (const regex of [CURE, BEST, EVERYONE, FAST, PROOF]) {
    if (regex === FAST && harmReported) continue;
    for (const m of matches(regex, ctx.sentenceText)) {
      if (harmReported && /^stop/i.test(m.text)) continue;
      if (!standsAsClaim(ctx, m)) continue;
      const subject = nearest(ctx, subjects.filter(isTreatment), m);
      // The verdict of the treatment the claim is about decides: a strongly recommended one is not
      // flagged, unless its evidence is for one group only (dialysis) and the claim is not about it.
      if (!subject || (!UNSUPPORTED.has(subject.entry.verdict) && !beyondItsGroup(ctx, subject.entry))) return undefined;
      return hit(subject, 'efficacy', ctx, m);
    }
  }
  return undefined;
}

function safety(ctx: FrameContext, subjects: Subject[]): FrameHit | undefined {
  const dismissal = dismissesCaution(ctx.sentenceText) ? matches(DISMISSAL_ALL, ctx.sentenceText)[0] : undefined;
  if (dismissal && standsAsClaim(ctx, dismissal, { cueNegates: true })) {
    const subject = nearest(ctx, subjects.filter((s) => isTreatment(s) && s.entry.prescription), dismissal) ?? subjects.find((s) => s.entry.caveats.length > 0);
    if (subject) {
      const caveat = subject.entry.caveats.findIndex((c) => c.role !== 'prescriber');
      return hit(subject, 'safety', ctx, dismissal, caveat >= 0 ? caveat : undefined);
    }
  }
  for (const [regex, scope] of [[SAFE, 'absolute'], [SAFE_MILD, 'mild'], [SAFE_IN, 'topical']] as const) {
    const topical = scope === 'topical';
    for (const m of matches(regex, ctx.sentenceText)) {
      if (!standsAsClaim(ctx, m)) continue;
      const subject = nearest(ctx, subjects.filter(isTreatment), m);
      if (!subject) return undefined;
      const { entry } = subject;
      const topic = TOPIC.exec(m.text)?.[0];
      const onTopic = topic ? entry.caveats.findIndex((c) => c.role !== 'prescriber' && new RegExp(topicStem(topic), 'i').test(c.text)) : -1;
      const anyCaveat = entry.caveats.findIndex((c) => c.role !== 'prescriber');
      // An absolute ("no side effects") is contradicted by any caveat, a prescription, or weak
      // evidence; "safe in pregnancy" only by a caveat on pregnancy or weak evidence.
      const contradicted = topical
        ? onTopic >= 0 || UNSUPPORTED.has(entry.verdict)
        : anyCaveat >= 0 || entry.prescription || (scope === 'absolute' && UNSUPPORTED.has(entry.verdict));
      if (!contradicted) return undefined;
      const caveat = onTopic >= 0 ? onTopic : topical ? -1 : anyCaveat;
      return hit(subject, 'safety', ctx, m, caveat >= 0 ? caveat : undefined);
    }
  }
  return undefined;
}

function cause(ctx: FrameContext, subjects: Subject[]): FrameHit | undefined {
  for (const m of matches(MECHANISM, ctx.sentenceText)) {
    if (deniedInside(m.text)) continue;
    // "If it stings, that means it is working": the condition is part of the myth.
    if (!standsAsClaim(ctx, m, { allowConditional: true })) continue;
    const subject = nearest(ctx, subjects.filter(isTreatment), m);
    if (subject && UNSUPPORTED.has(subject.entry.verdict)) return hit(subject, 'cause', ctx, m);
  }
  // "It's the magnesium reaching the nerves" about a cream, oil or bath: absorption through the skin is unshown.
  if (SKIN_ROUTE.test(ctx.sentenceText) || (ctx.previousText !== undefined && SKIN_ROUTE.test(ctx.previousText))) {
    for (const m of matches(REACHES_INSIDE, ctx.sentenceText)) {
      if (!standsAsClaim(ctx, m)) continue;
      const subject = nearest(ctx, subjects.filter(isTreatment), m);
      if (subject && UNSUPPORTED.has(subject.entry.verdict)) return hit(subject, 'cause', ctx, m);
    }
  }
  if (!aboutRls(ctx)) return undefined;
  for (const m of matches(CAUSE, ctx.sentenceText)) {
    // A cue that spans words ("is not caused by low magnesium") may hold its own denial.
    if (deniedInside(m.text)) continue;
    // "If your legs twitch at night, you're deficient": a symptom as the condition is a diagnosis.
    if (!standsAsClaim(ctx, m, { allowConditional: symptomAsCondition(ctx.sentenceText, m) })) continue;
    // The cause named is a substance whose evidence for RLS is weak ("low magnesium", "potassium").
    const weak = subjects.find(namesWeakCause);
    if (weak) return hit(weak, 'cause', ctx, m);
    // Or the condition is reduced to one cause ("RLS is really just poor circulation").
    const condition = subjects.find((s) => CONDITION_KINDS.has(s.entry.kind) && s.entry.caveats.length > 0);
    if (condition && REDUCTIVE.test(ctx.sentenceText) && !subjects.some((s) => isTreatment(s) && !UNSUPPORTED.has(s.entry.verdict))) {
      return hit(condition, 'cause', ctx, m, causeCaveat(condition.entry));
    }
  }
  // "Why are legs restless at night? Low potassium.": the answer names the cause.
  if (ctx.previousText !== undefined && WHY_ASKED.test(ctx.previousText)) {
    for (const m of matches(LACK_ANSWER, ctx.sentenceText)) {
      const weak = subjects.find(namesWeakCause);
      if (weak && standsAsClaim(ctx, m)) return hit(weak, 'cause', ctx, m);
    }
  }
  // "Iron has nothing to do with RLS", "ferritin doesn't matter": an established part denied.
  for (const m of matches(DENIES_PART, ctx.sentenceText)) {
    if (!standsAsClaim(ctx, m, { cueNegates: true }) || CONDITIONED_AFTER.test(ctx.sentenceText.slice(m.end))) continue;
    const subject = nearest(ctx, subjects.filter((s) => established(ctx, s.entry)), m);
    if (subject) return hit(subject, 'cause', ctx, m);
  }
  for (const m of matches(MYTH_CAUSE, ctx.sentenceText)) {
    if (deniedInside(m.text) || !standsAsClaim(ctx, m, { allowConditional: symptomAsCondition(ctx.sentenceText, m) })) continue;
    const weak = subjects.find(namesWeakCause);
    const condition = subjects.find((s) => CONDITION_KINDS.has(s.entry.kind) && s.entry.caveats.length > 0);
    const subject = condition ?? weak;
    if (!subject) continue;
    return hit(subject, 'cause', ctx, m, subject === condition ? causeCaveat(condition.entry) : undefined);
  }
  return undefined;
}

function useOf(ctx: FrameContext, subjects: Subject[]): FrameHit | undefined {
  if (!ctx.pageAboutRls || OTHER_CONDITION.test(ctx.sentenceText)) return undefined;
  // Aggravators, including a possible one whose evidence is thin (nicotine), and drugs that treat no RLS.
  const used = subjects.filter(
    (s) => s.entry.kind === 'aggravator' || s.entry.verdict === 'can-worsen-rls' || s.entry.verdict === 'not-an-rls-treatment',
  );
  if (used.length === 0) return undefined;
  const warned = WARNING.test(ctx.sentenceText.replace(OCCASION, ''));
  if (warned && !SELLING.test(ctx.sentenceText)) return undefined;
  // An aggravator said to cure or beat the legs is used for them; so is the answer to "what do you take?".
  const cues = [...matches(RELIEF, ctx.sentenceText), ...matches(CURE, ctx.sentenceText), ...matches(BEST, ctx.sentenceText)];
  if (cues.length === 0 && ctx.previousText && ASKS_WHAT_TO_TAKE.test(ctx.previousText)) cues.push(...matches(ANYTHING, ctx.sentenceText));
  for (const m of cues) {
    if (!standsAsClaim(ctx, m, { allowConditional: true, negationBeforeOnly: true, allowPermission: true })) continue;
    const subject = nearest(ctx, used, m);
    if (!subject) continue;
    // "trying to cut coffee for my RLS": cutting it down for the legs is the advice, not its use.
    if (CUTS_DOWN.test(ctx.text.slice(Math.max(ctx.sentence.start, subject.mention.start - 40), subject.mention.start))) continue;
    // A drug that is no RLS treatment (quinine) counts only when used for the legs or sleep.
    if (subject.entry.verdict === 'not-an-rls-treatment' && !aboutRls(ctx)) continue;
    if (mentionNegated(ctx, subject.mention, m)) return undefined;
    const caveat = subject.entry.caveats.findIndex((c) => c.role !== 'prescriber');
    return hit(subject, 'use', ctx, m, subject.entry.verdict === 'not-an-rls-treatment' && caveat >= 0 ? caveat : undefined);
  }
  return undefined;
}

function stopping(ctx: FrameContext, subjects: Subject[]): FrameHit | undefined {
  const prescribed = subjects.filter((s) => s.entry.prescription && isTreatment(s));
  const next = nextSentence(ctx.text, ctx.sentence.end);
  const abrupt = ABRUPT.test(ctx.sentenceText) || DISCARD_ORDER.test(ctx.sentenceText) || (ABRUPT.test(next) && !SAFE_STOP.test(next));
  if (prescribed.length > 0 && abrupt && !SAFE_STOP.test(ctx.sentenceText)) {
    for (const m of matches(STOP, ctx.sentenceText)) {
      if (!standsAsClaim(ctx, m, { allowConditional: true, negationBeforeOnly: true, allowPermission: true })) continue;
      const subject = nearest(ctx, prescribed, m);
      if (!subject) continue;
      const caveat = subject.entry.caveats.findIndex((c) => c.role === 'prescriber');
      return hit(subject, 'stopping', ctx, m, caveat >= 0 ? caveat : undefined);
    }
  }
  const steering = [...matches(STEER, ctx.sentenceText), ...(SAFE_STOP.test(ctx.sentenceText) ? [] : matches(STEER_AWAY, ctx.sentenceText))];
  for (const m of steering) {
    if (!standsAsClaim(ctx, m, { allowConditional: true, cueNegates: true })) continue;
    // Steering away from care towards a treatment the evidence does not support.
    const subject =
      subjects.find((s) => isTreatment(s) && UNSUPPORTED.has(s.entry.verdict)) ?? prescribed[0] ?? nearest(ctx, subjects, m);
    if (!subject) continue;
    const caveat = subject.entry.caveats.findIndex((c) => c.role === 'prescriber');
    return hit(subject, 'stopping', ctx, m, caveat >= 0 ? caveat : undefined);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

interface CueMatch {
  start: number;
  end: number;
  text: string;
}

/**
 * Case-sensitive twins of the cues, run on the sentence with its ASCII capitals lowered (offsets
 * unchanged): V8 compiles and runs them markedly faster than the case-insensitive originals. A cue
 * written with a capital letter of its own keeps its original.
 */
const CASELESS = new Map(
  CUES.filter((regex) => !/[A-Z]/.test(regex.source.replace(/\\./g, ''))).map((regex) => [regex, new RegExp(regex.source, regex.flags.replace('i', ''))]),
);
const lowerAscii = (text: string) => {
  const lowered = text.toLowerCase();
  // Lowering some letters changes the length (\u0130): then lower only A-Z, so offsets hold.
  return lowered.length === text.length ? lowered : text.replace(/[A-Z]+/g, (capitals) => capitals.toLowerCase());
};

/**
 * Compiles the cue patterns one step at a time: V8 compiles a pattern on its first run, and left
 * to the first sentences of a page that is one task of 40-60 ms.
 */
export function* warmUpCues(): Generator<void> {
  for (const regex of CUES) {
    const runner = CASELESS.get(regex) ?? regex;
    runner.lastIndex = 0;
    runner.exec(WARM_UP_TEXT);
    runner.lastIndex = 0;
    yield;
  }
}
const WARM_UP_TEXT = 'rls is not what it is';

/** The matches of each cue in the sentence read last: the test before the frames and the frames share them. */
let matchedText = '';
let loweredText = '';
let unquotedText = '';
const matchesInText = new Map<RegExp, CueMatch[]>();

/** Quotation marks, not apostrophes: a claim reads the same with its words quoted ("RLS is 'simply a deficiency'"). */
const QUOTE_MARK = /(?<![A-Za-z])['\u2018\u2019]|['\u2018\u2019](?![A-Za-z])|["\u201c\u201d]/g;

function matches(regex: RegExp, text: string): CueMatch[] {
  if (text !== matchedText) {
    matchedText = text;
    unquotedText = text.replace(QUOTE_MARK, ' ');
    loweredText = lowerAscii(unquotedText);
    matchesInText.clear();
  }
  let found = matchesInText.get(regex);
  if (!found) {
    // An exec loop on the one instance: matchAll clones the pattern on every call, which cost
    // seven times the scan itself on short sentences.
    const caseless = CASELESS.get(regex);
    const runner = caseless ?? regex;
    const subject = caseless ? loweredText : unquotedText;
    found = [];
    runner.lastIndex = 0;
    for (let m = runner.exec(subject); m; m = runner.exec(subject)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
      if (!runner.global) break;
      if (m[0].length === 0) runner.lastIndex++;
    }
    runner.lastIndex = 0;
    matchesInText.set(regex, found);
  }
  return found;
}

function hit(subject: Subject, kind: FrameKind, ctx: FrameContext, cue: CueMatch, caveat?: number): FrameHit {
  const frame: FrameFlag = {
    kind,
    cue: ctx.sentenceText.slice(cue.start, cue.end),
    ...(caveat !== undefined ? { caveat } : {}),
  };
  return { mentionId: subject.mention.id, entryId: subject.entry.id, frame };
}

/** The subject mention closest to the cue, preferring one before it (the usual subject position). */
function nearest(ctx: FrameContext, subjects: Subject[], cue: CueMatch): Subject | undefined {
  let best: Subject | undefined;
  let bestDistance = Infinity;
  for (const s of subjects) {
    const start = s.mention.start - ctx.sentence.start;
    const end = s.mention.end - ctx.sentence.start;
    const distance = end <= cue.start ? cue.start - end : start >= cue.end ? (start - cue.end) * 1.5 : 0;
    if (distance < bestDistance) {
      best = s;
      bestDistance = distance;
    }
  }
  return best;
}

/** The cue is asserted: not negated, hedged, conditional, or asked. */
function standsAsClaim(
  ctx: FrameContext,
  cue: CueMatch,
  options: { allowConditional?: boolean; cueNegates?: boolean; negationBeforeOnly?: boolean; allowPermission?: boolean } = {},
): boolean {
  const { sentence } = ctx;
  const range = tokenRange(sentence, { start: sentence.start + cue.start, end: sentence.start + cue.end });
  if (!range) return false;
  const words = sentence.tokens.map((t) => t.word);
  const [cf, ct] = clauseAround(sentence, range[0]);
  // Use and stopping advice often ends in a negation that is no denial ("... and never take another").
  const negationEnd = options.negationBeforeOnly ? range[1] : ct;
  if (!options.cueNegates && isNegated(words, cf, negationEnd, range[0], range[1])) return false;
  // "You may stop it any time" grants permission; elsewhere "may" hedges the claim.
  // A modal inside the cue is part of the claim ("nothing in it could hurt you"), not a hedge on it.
  const hedgeWords = words.map((w, i) =>
    (i >= range[0] && i < range[1]) || (options.allowPermission && w === 'may' && words[i - 1] === 'you') ? '' : w,
  );
  if (isHedged(hedgeWords, cf, ct)) return false;
  if (!options.allowConditional) {
    for (let i = Math.max(0, cf - 1); i < range[0]; i++) if (CONDITIONAL.has(words[i]!)) return false;
  }
  return !isQuestion(ctx.sentenceText, cue);
}

/**
 * A claim the learned model reads in the sentence (claim-model.ts) where no word list found one
 * (`readSure` gives the text's features when the model is sure it holds a contradicted claim):
 * the kind it reads as likeliest, when the evidence can contradict that kind of claim about one of
 * the sentence's subjects (weak evidence of benefit, a caveat, an aggravator, a prescription).
 */
const AMOUNT = /\d\s*(?:mg|mcg|g|iu|ml|milligrams?)\b|\bmilligrams?\b/i;

export function learnedFrame(ctx: FrameContext, readSure: () => ReadonlySet<string> | undefined): FrameHit | undefined {
  // Amounts are the dose reading's to judge: the model reads words, not numbers.
  // Only where the text talks about RLS: the model learned from sentences that all do.
  if (!aboutRls(ctx) || isQuestion(ctx.sentenceText, { start: 0 }) || AMOUNT.test(ctx.sentenceText) || OTHER_CONDITION.test(ctx.sentenceText)) return undefined;
  const subjects = ctx.mentions
    .map((m) => ({ mention: m, entry: ctx.entries.get(m.entryId) }))
    .filter((s): s is Subject => !!s.entry);
  // The model is read once the cheap tests pass: most sentences never need it.
  const features = subjects.length > 0 ? readSure() : undefined;
  if (!features || disputed(ctx)) return undefined;
  const fits: Record<FrameKind, (s: Subject) => boolean> = {
    efficacy: (s) => isTreatment(s) && (UNSUPPORTED.has(s.entry.verdict) || beyondItsGroup(ctx, s.entry)),
    safety: (s) => isTreatment(s) && (s.entry.prescription || s.entry.caveats.some((c) => c.role !== 'prescriber')),
    cause: (s) => (CONDITION_KINDS.has(s.entry.kind) ? s.entry.caveats.length > 0 : namesWeakCause(s)),
    use: (s) => ctx.pageAboutRls && (s.entry.kind === 'aggravator' || s.entry.verdict === 'can-worsen-rls' || s.entry.verdict === 'not-an-rls-treatment'),
    stopping: (s) => isTreatment(s) && (s.entry.prescription || !UNSUPPORTED.has(s.entry.verdict)),
  };
  // The kind the text reads as, among all five: a claim of one kind is never passed off as another.
  const kind = likeliestKind(features, Object.keys(fits) as FrameKind[]);
  const subject = kind && subjects.find(fits[kind]);
  if (!kind || !subject) return undefined;
  const at = strongestCue(ctx.sentenceText) ?? { start: 0, end: ctx.sentenceText.length };
  const cue = { ...at, text: ctx.sentenceText.slice(at.start, at.end) };
  // Denied or hedged where the subject is named ("Small studies suggest valerian is the best ..."): no claim.
  const range = tokenRange(ctx.sentence, subject.mention);
  if (range) {
    const { negated, hedged } = polarity(ctx.sentence, range[0], range[1]);
    if (negated || hedged) return undefined;
  }
  const caveats = subject.entry.caveats;
  const caveat =
    kind === 'stopping'
      ? caveats.findIndex((c) => c.role === 'prescriber')
      : kind === 'cause'
        ? (causeCaveat(subject.entry) ?? -1)
        : kind === 'efficacy'
          ? -1
          : caveats.findIndex((c) => c.role !== 'prescriber');
  return hit(subject, kind, ctx, cue, caveat >= 0 ? caveat : undefined);
}

/** A real question: it ends with "?" and opens like one, or the cue sits in the asking clause. */
export function isQuestion(sentence: string, cue: { start: number }): boolean {
  const said = sentence.trimEnd();
  if (!/\?["'\u201d\u2019)]*$/.test(said)) return false;
  // "Q: Does it ...?": the label is not the question's first word.
  const first = /^[^A-Za-z]*(?:Q\s*[:.)][^A-Za-z]*)?([A-Za-z]+)/.exec(said)?.[1]?.toLowerCase() ?? '';
  if (QUESTION_OPENERS.has(first)) return true;
  const lastBreak = Math.max(said.lastIndexOf(','), said.lastIndexOf(';'), said.lastIndexOf(':'), said.lastIndexOf('\u2014'));
  return cue.start > lastBreak;
}

/** Is the mention negated, looking no further than the cue ("the legs won't settle" after it is no denial)? */
function mentionNegated(ctx: FrameContext, mention: TextMention, cue: CueMatch): boolean {
  const range = tokenRange(ctx.sentence, mention);
  const cueRange = tokenRange(ctx.sentence, { start: ctx.sentence.start + cue.start, end: ctx.sentence.start + cue.end });
  if (!range) return false;
  const [cf, ct] = clauseAround(ctx.sentence, range[0]);
  return isNegated(
    ctx.sentence.tokens.map((t) => t.word),
    cf,
    Math.min(ct, Math.max(range[1], cueRange?.[1] ?? ct)),
    range[0],
    range[1],
  );
}

/** The page disputes the sentence: in it ("... — not quite") or in the next sentence ("That is not true."). */
export function disputed(ctx: Pick<FrameContext, 'text' | 'sentence' | 'sentenceText'>, claimAt?: () => number): boolean {
  const { sentenceText } = ctx;
  const next = nextSentence(ctx.text, ctx.sentence.end);
  // "People say X, but ..." / "Forums claim X. No." : an attributed claim answered, unless the
  // page takes it up ("my neighbour says X, and she's spot on, just do it").
  const attributed = ATTRIBUTED.exec(sentenceText);
  const endorsed = ENDORSES.test(sentenceText);
  const after = attributed ? attributed.index + attributed[0].length : 0;
  const contrast = attributed && !endorsed ? CONTRAST.exec(sentenceText.slice(after)) : null;
  if (contrast && claimAt && claimAt() >= after + contrast.index + contrast[0].length) {
    // "People say it's a myth, but honestly it cured mine": the doubt is theirs, the claim the
    // page's own; only a dispute after the contrast answers it.
    return DISPUTE.test(sentenceText.slice(after + contrast.index + contrast[0].length)) || DISPUTE.test(next);
  }
  if (DISPUTE.test(sentenceText) && !dismissesCaution(sentenceText)) return true;
  if (DISPUTE.test(next)) return true;
  // Addressed to those who say it ("To the people saying X: ..."): the page answers them.
  if (ADDRESSED.test(sentenceText)) return true;
  // Under a heading that announces myths ("Myths we won't repeat."), what follows is one of them.
  if (MYTH_HEADING.test(previousSentence(ctx.text, ctx.sentence.start))) return true;
  // A fact-check box: "Claim: ... Reality: ...".
  if (CLAIM_LABEL.test(sentenceText) && VERDICT_LABEL.test(next)) return true;
  if (!attributed || endorsed) return false;
  // "My husband says potassium cured his cousin. Is there any evidence for that?": the page asks.
  return !!contrast || CONTRAST.test(next) || REBUTS.test(next) || isQuestion(next, { start: 0 });
}

/** "Withdrawal is a myth", "augmentation is just a scare word": a caution dismissed. */
function dismissesCaution(sentenceText: string): boolean {
  return CAUTION.test(sentenceText) && DISMISSAL.test(sentenceText) && !NOT_DISMISSAL.test(sentenceText);
}

/** The cue follows "if" or "when" whose clause names the legs or RLS. */
function symptomAsCondition(sentenceText: string, cue: CueMatch): boolean {
  const condition = /\b(?:if|when|whenever)\b[^.;]*$/i.exec(sentenceText.slice(0, cue.start));
  return !!condition && RLS_TARGET.test(condition[0]);
}

/** The condition's caveat on what else causes it or looks like it, if any. */
function causeCaveat(entry: Entry): number | undefined {
  const caveat = entry.caveats.findIndex((c) => /secondary|cause|different|ruled out/i.test(c.text));
  return caveat >= 0 ? caveat : undefined;
}

/** The entry's evidence is for one group ("RLS on haemodialysis") that neither this sentence nor the one before names. */
function beyondItsGroup(ctx: FrameContext, entry: Entry): boolean {
  const group = /^RLS\s+(?:on|in|during|with)\s+(.+)$/i.exec(entry.verdictFor)?.[1];
  if (!group) return false;
  const stems = group.split(/\s+/).map((w) => w.toLowerCase().replace(/^ha?e?mo/, '').slice(0, 5)).filter((w) => w.length >= 4);
  const said = `${ctx.previousText ?? ''} ${ctx.sentenceText}`.toLowerCase();
  return stems.length > 0 && !stems.some((stem) => said.includes(stem)) && !/kidney|renal|esrd/.test(said);
}

/**
 * Entries whose part in RLS is established: a recommended treatment, or a condition that the RLS
 * entry names as a cause ("secondary to iron deficiency"). Saying it has nothing to do with RLS is a cause claim.
 */
function established(ctx: FrameContext, entry: Entry): boolean {
  if (/^recommended/.test(entry.verdict)) return true;
  if (!CONDITION_KINDS.has(entry.kind)) return false;
  const causes = secondaryCauses(ctx.entries);
  return entry.aliases.some((a) => a.text.length >= 4 && causes.some(({ from, text }) => from !== entry.id && text.includes(a.text.toLowerCase())));
}

/** The conditions' caveats naming what RLS can be secondary to, read once per dataset. */
const causesOf = new WeakMap<ReadonlyMap<string, Entry>, Array<{ from: string; text: string }>>();
function secondaryCauses(entries: ReadonlyMap<string, Entry>): Array<{ from: string; text: string }> {
  let causes = causesOf.get(entries);
  if (!causes) {
    causes = [...entries.values()]
      .filter((e) => e.kind === 'condition')
      .flatMap((e) => e.caveats.filter((c) => /secondary\s+to/i.test(c.text)).map((c) => ({ from: e.id, text: c.text.toLowerCase() })));
    causesOf.set(entries, causes);
  }
  return causes;
}

/** The sentence, or the one that leads into it, is about RLS or the legs. */
function aboutRls(ctx: FrameContext): boolean {
  return RLS_TARGET.test(ctx.sentenceText) || (ctx.previousText !== undefined && RLS_TARGET.test(ctx.previousText));
}

/** A drug named for a serious other condition ("lithium for bipolar"): the RLS verdict is no advice about it. */
export function forOtherCondition(sentenceText: string): boolean {
  return OTHER_CONDITION.test(sentenceText);
}

/** The text of the sentence after an offset (up to its end mark), without parsing. */
function nextSentence(text: string, from: number): string {
  const rest = text.slice(from, from + 400);
  const end = /[.!?](?:\s|$)/.exec(rest.replace(/^[\s.!?"'\u201d\u2019)]+/, ''));
  const trimmed = rest.replace(/^[\s.!?"'\u201d\u2019)]+/, '');
  return end ? trimmed.slice(0, end.index + 1) : trimmed;
}

/** The sentence that ends right before `start` (up to 200 characters back). */
function previousSentence(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 200), start).replace(/[\s"'\u201c\u2018]+$/, '');
  const cut = Math.max(before.lastIndexOf('. ', before.length - 2), before.lastIndexOf('? ', before.length - 2), before.lastIndexOf('! '), before.lastIndexOf('\n'));
  return before.slice(cut + 1).trim();
}

function topicStem(topic: string): string {
  const t = topic.toLowerCase();
  if (/pregnan|expect|fet|trimester|baby|unborn|conceiv/.test(t)) return 'pregnan|fetal|fetus';
  return 'kidney|renal|dialysis';
}
