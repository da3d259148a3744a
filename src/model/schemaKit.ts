/** zod building blocks shared by the share schema and the plug-ins' config schemas (everything a user brings is untrusted). */
import { z } from 'zod';
import { isReservedKey } from './keys';

/** At most this many tasks in one experiment (share links, files, CSV targets). */
export const MAX_TASKS = 32;

/** A name used as a key somewhere (node, edge, task, parameter, column): names every object inherits are refused. */
export const keySchema = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !isReservedKey(s), { message: 'is a reserved name (a property of every JavaScript object); rename it' });

/** A finite number in [min, max]. */
export const finiteSchema = (min: number, max: number) => z.number().finite().min(min).max(max);

/** A table column name (CSV header, penguin measurement). */
export const columnSchema = keySchema(200);
