import * as z from 'zod/mini';
import { region } from '../../lib/schemas/primitives';

/** GET /api/zones query: the region to list. */
export const zonesQuery = z.strictObject({ region });
