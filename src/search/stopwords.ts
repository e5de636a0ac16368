/**
 * Words that carry no topic: English function words, and the filler of questions put to a bot
 * ("tell me", "please", "what happened"). Question words are here too; `QUESTION_WORDS` keeps
 * them apart because they still say what kind of answer is wanted.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  "who",
  "whom",
  "whose",
  "what",
  "when",
  "where",
  "which",
  "why",
  "how",
]);

export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...QUESTION_WORDS,
  ..."a about above after again against all also am an and any are aren't as at be because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each either few for from further get gets got had hadn't has hasn't have haven't having he her here hers herself him himself his i if in into is isn't it it's its itself just let me more most much my myself no nor not now of off on once only or other ought our ours ourselves out over same shall she should shouldn't so some such than that that's the their theirs them themselves then there these they this those through to too under until up upon us very was wasn't we were weren't while will with won't would wouldn't you your yours yourself yourselves".split(
    " ",
  ),
  ..."long arent cant couldnt didnt doesnt dont hadnt hasnt havent im isnt ive shouldnt wasnt werent wont wouldnt youre actually also basically came come comes even ever go goes going gone kind like lot make makes many mean means meant much need needed needs one ones still sort thing think way went".split(
    " ",
  ),
  ..."anybody anyone everybody everyone nobody somebody someone whatever whenever wherever whoever say says said saying".split(
    " ",
  ),
  ..."i'm i've i'd i'll you're you've you'd you'll we're we've we'd we'll they're they've they'd they'll he'd he'll she'd she'll it'll that'll there'd there'll should've could've would've might've must've mustn't needn't shan't ain't y'all".split(
    " ",
  ),
  ..."already besides stuff versus vs yet".split(" "),
  ..."anything bot does everything exactly explain explained happen happened happening hello hey hi know okay ok please pls really something tell thanks thank thing things want wanted whats whys hows whos wonder wondering".split(
    " ",
  ),
]);
