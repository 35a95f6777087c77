/**
 * Every scenario the runner knows, in the order they run. `load` runs only with `--load`.
 */
import { loadScenario } from './load';
import type { BenchScenario } from './scenario';
import { cacheScenario } from './scenarios/cache';
import { coldStartScenario } from './scenarios/cold-start';
import { imagesPagingScenario } from './scenarios/images-paging';
import { inventoryScenario } from './scenarios/inventory';
import { warmOverheadScenario } from './scenarios/warm-overhead';

export const DEFAULT_SCENARIOS: readonly BenchScenario[] = [coldStartScenario, warmOverheadScenario, cacheScenario, imagesPagingScenario, inventoryScenario];

export const OPTIONAL_SCENARIOS: readonly BenchScenario[] = [loadScenario];
