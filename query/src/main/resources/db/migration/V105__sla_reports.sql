-- Read model owned by SlaFactsProjection (processing group sla-facts): the public on-time figure counts the steps
-- answered in a period (by the time of the answer, not of receipt), so the answered steps get their own index.
CREATE INDEX sla_step_answered_idx ON sla_step (tenant, answered_at) WHERE answered_at IS NOT NULL;
