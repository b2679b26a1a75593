import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { ingest } from '../ingest/ingest.js';
import { memorySource } from '../serve/routes/reviews.js';
import { activePolarityModel, activePolarityModelInfo } from '../store/polarity-models.js';
import { startRun } from '../store/runs.js';
import { useTempStore } from '../test-support/use-temp-store.js';
import { weakLabelledRecords } from '../test-support/weak-labelled.js';
import { polarityForBatch, retrainPolarityIfDue } from './polarity-retrain.js';
import { sampleLabelledReviews } from './train-polarity.js';

const temp = useTempStore();
const records = weakLabelledRecords(220);

async function ingestRecords(batch: Record<string, unknown>[]) {
  await ingest(temp.store.db, memorySource('test', batch), {
    runId: await startRun(temp.store.db, 'ingest'),
    defaultLanguage: 'en',
  });
}

describe('automatic polarity retraining', () => {
  it('trains a first model once the store has enough star-labelled reviews, then only after they grew', async () => {
    await ingestRecords(records.slice(0, 60));
    expect(await retrainPolarityIfDue(temp.store.db)).toMatchObject({ action: 'not_due', labelled: 60 }); // < 100
    expect(await activePolarityModelInfo(temp.store.db)).toBeNull();

    await ingestRecords(records.slice(60, 160));
    // A few of the synthetic texts are near-duplicates of others: flagged, so not labelled data.
    const first = await retrainPolarityIfDue(temp.store.db);
    expect(first.action).toBe('trained');
    expect(first.labelled).toBeGreaterThan(150);
    expect((await activePolarityModelInfo(temp.store.db))!.model_id).toBe(first.model_id);

    // 20 more is ~13 %: below the default 25 % growth, nothing is trained.
    await ingestRecords(records.slice(160, 180));
    const notYet = await retrainPolarityIfDue(temp.store.db);
    expect(notYet).toMatchObject({ action: 'not_due', labelled_at_training: first.labelled, model_id: first.model_id });
    expect(notYet.labelled).toBeLessThan(first.labelled * 1.25);

    // 40 more: ≥ 25 % grown, retrained, compared with the active model on the same held-out reviews, activated.
    await ingestRecords(records.slice(180, 220));
    const second = await retrainPolarityIfDue(temp.store.db);
    expect(second).toMatchObject({ action: 'trained', labelled_at_training: first.labelled });
    expect(second.labelled).toBeGreaterThanOrEqual(first.labelled * 1.25);
    expect(second.model_id).not.toBe(first.model_id);
    const active = await activePolarityModel(temp.store.db);
    expect(active!.modelId).toBe(second.model_id);
    expect(active!.report).toMatchObject({ labelled_total: second.labelled, replaced: first.model_id });
    const held = (active!.report.languages as { en: { held_out: { incumbent?: { accuracy: number } } } }).en.held_out;
    expect(held.incumbent?.accuracy).toBeGreaterThan(0.9);
  });

  it('keeps the active model when the retrained one is worse on the held-out reviews', async () => {
    await ingestRecords(records.slice(0, 160));
    const first = await retrainPolarityIfDue(temp.store.db);
    await ingestRecords(records.slice(160, 220));
    // A negative tolerance demands more than the active model's accuracy + 1: no candidate can pass.
    const decision = await retrainPolarityIfDue(temp.store.db, { tolerance: -1 });
    expect(decision).toMatchObject({ action: 'kept', model_id: first.model_id });
    expect(decision.reason).toMatch(/^the retrained model is worse on held-out reviews: en /);
    expect((await activePolarityModelInfo(temp.store.db))!.model_id).toBe(first.model_id);
    // Growth now counts from that attempt: the next batch does not retrain the same data again.
    expect(await retrainPolarityIfDue(temp.store.db, { tolerance: -1 })).toMatchObject({
      action: 'not_due',
      labelled_at_training: decision.labelled,
    });
  });

  it('is off when the growth setting is off, and scores with the active model either way', async () => {
    await ingestRecords(records.slice(0, 160));
    const off = await polarityForBatch(temp.store.db, null);
    expect(off.decision).toMatchObject({ action: 'not_due', reason: expect.stringContaining('off') });
    expect(await activePolarityModelInfo(temp.store.db)).toBeNull();
    const on = await polarityForBatch(temp.store.db, 0.25);
    expect(on.decision.action).toBe('trained');
    expect(on.sentiment.id).toBe(on.decision.model_id);
  });
});

describe('the retrain setting', () => {
  it('reads REVIEWLENS_POLARITY_RETRAIN_GROWTH as a share or "off", and rejects anything else', () => {
    expect(loadConfig({}, {}).polarityRetrainGrowth).toBe(0.25);
    expect(loadConfig({}, { REVIEWLENS_POLARITY_RETRAIN_GROWTH: '0.5' }).polarityRetrainGrowth).toBe(0.5);
    expect(loadConfig({}, { REVIEWLENS_POLARITY_RETRAIN_GROWTH: 'off' }).polarityRetrainGrowth).toBeNull();
    expect(() => loadConfig({}, { REVIEWLENS_POLARITY_RETRAIN_GROWTH: '-1' })).toThrow(/share ≥ 0 or "off"/);
    expect(() => loadConfig({}, { REVIEWLENS_POLARITY_RETRAIN_GROWTH: 'often' })).toThrow(ConfigError);
  });
});

describe('the training sample', () => {
  it('counts every labelled review but keeps at most the cap per language, the same sample every time', async () => {
    await ingestRecords(records.slice(0, 160));
    const [first, again] = [
      await sampleLabelledReviews(temp.store.db, 40),
      await sampleLabelledReviews(temp.store.db, 40),
    ];
    const en = first.get('en')!;
    expect(en.labelled).toBeGreaterThan(150);
    expect(en.train).toHaveLength(40);
    expect(en.test).toHaveLength(10);
    expect(en.seenTrain + en.seenTest).toBe(en.labelled);
    expect(again.get('en')!.train).toEqual(en.train);
    // Uncapped, everything is there.
    const all = (await sampleLabelledReviews(temp.store.db)).get('en')!;
    expect(all.train.length + all.test.length).toBe(en.labelled);
  });
});
