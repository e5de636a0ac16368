import { answerabilityFeatures, answerProbability } from "./answerable.ts";
import { runAtOnce, type SearchIndex } from "./build.ts";
import { parseQuery } from "./query.ts";
import { rankPassages } from "./rank.ts";
import { ANSWERABILITY } from "./weights.ts";

/**
 * Questions about nothing a knowledge folder on the dispute covers, written for this purpose.
 * How sure the engine is of its best passage for each tells, for the folder at hand, how much
 * an unrelated question matches by chance: few words in a small folder, many in a large one.
 */
export const OFF_TOPIC_QUESTIONS: readonly string[] = [
  "what time does the football match start tonight",
  "how many calories are in a banana",
  "who sings the song on that new car advert",
  "which laptop should I buy for gaming under 1000 dollars",
  "how do I reset my router password",
  "what is the best way to learn the guitar",
  "when does the next season of the show come out",
  "how long should I boil an egg",
  "who won the tennis final last weekend",
  "is coffee bad for your heart",
  "what's a good name for a golden retriever puppy",
  "how far is the moon from the earth",
  "why is the sky blue",
  "can you recommend a fantasy novel",
  "how do I get rid of ants in the kitchen",
  "what is the population of Brazil",
  "how do you make sourdough bread at home",
  "which planet has the most moons",
  "who painted the Mona Lisa",
  "what's the weather like in London this week",
  "how do I install python on windows",
  "what are the rules of cricket",
  "how much does a flight to Paris cost",
  "best running shoes for flat feet",
  "how do vaccines work",
  "what is the tallest building in the world",
  "how do I fix a flat bicycle tyre",
  "who is the richest person alive",
  "what does a black hole look like",
  "how to train for a marathon in three months",
  "what's the difference between a crocodile and an alligator",
  "how do I cancel my streaming subscription",
  "which team has won the most basketball championships",
  "how do I change a car battery",
  "what is the speed of light",
  "what should I cook for dinner with chicken and rice",
  "how old is the universe",
  "what's the plot of the latest superhero movie",
  "how can I improve my sleep",
  "why do cats purr",
  "how do I write a cover letter for a job",
  "what is the stock price of the big electric car company",
  "where can I watch the cup final online",
  "how do I get better at chess",
  "what are the symptoms of the flu",
  "how do solar panels generate electricity",
  "what is a good houseplant for a dark room",
  "who wrote the harry potter books",
  "how many players are on a volleyball team",
  "what's the best pizza topping",
  "how do I merge two branches in git",
  "why does my phone battery drain so fast",
  "when is the next full moon",
  "how do I knit a scarf",
  "what is the capital of Canada",
  "how do airplanes stay in the air",
  "which video game console sells the most",
  "how do I grow tomatoes on a balcony",
  "what is inflation and why do prices rise",
  "how do I make my dog stop barking",
];

/** The share of unrelated questions that must be refused in any folder. */
const OFF_TOPIC_REFUSED = 0.9;
/** Never demand more than this: a folder so broad that everything matches still answers. */
const MAX_THRESHOLD = 0.9;

/**
 * The model's probability for the best passage of each unrelated question, on this index. The
 * model's, not the engine's confidence: the questions that match only common words are refused
 * anyway (confidenceOf), and the threshold guards against the others.
 */
export function offTopicProbabilities(index: SearchIndex, model = ANSWERABILITY): number[] {
  return runAtOnce(offTopicSteps(index, model));
}

/** The same, one question a step, for a rebuild that must leave the event loop free (runInSlices). */
export function* offTopicSteps(
  index: SearchIndex,
  model = ANSWERABILITY,
): Generator<void, number[]> {
  const probabilities: number[] = [];
  for (const question of OFF_TOPIC_QUESTIONS) {
    yield;
    const query = parseQuery(index, question);
    const best = rankPassages(index, query, 1)[0];
    probabilities.push(best ? answerProbability(answerabilityFeatures(query, best), model) : 0);
  }
  return probabilities;
}

/**
 * The probability below which this folder's engine refuses: the fitted threshold, raised until
 * OFF_TOPIC_REFUSED of the unrelated questions fall below it.
 */
export function answerThreshold(probabilities: readonly number[], threshold: number): number {
  const sorted = [...probabilities].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.ceil(OFF_TOPIC_REFUSED * sorted.length) - 1);
  const quantile = sorted[at] ?? 0;
  return Math.min(MAX_THRESHOLD, Math.max(threshold, quantile + 1e-6));
}
