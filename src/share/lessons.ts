/** Lesson links: a lesson's experiment as an ordinary share hash. */
import { lessonExperiment, type Lesson } from '../model/lessons';
import { hashFor } from './codec';

/** The hash ("#e=…") that opens `lesson`: the same format as any shared experiment. */
export function lessonHash(lesson: Lesson): string {
  return hashFor(lessonExperiment(lesson));
}
