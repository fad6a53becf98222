--liquibase formatted sql

--changeset kakehashi:0025-1
-- The stages of a consensus process around a decision (issue 11, section 4): the informal
-- consultation with Japan and the start of execution join the proposal (proposed_on) and the
-- approval (approved_on) the table already has. Both are optional. The consultation may come
-- before or after the proposal; execution starts on or after the proposal and, where one is recorded, the approval.
-- japan_consulted stays: it answers "consulted before approval" even where no date was recorded.
-- Nothing is backfilled: no existing column holds either date, and the rows stay valid as they are.
ALTER TABLE decision ADD COLUMN consulted_on date;
ALTER TABLE decision ADD COLUMN execution_started_on date;
ALTER TABLE decision ADD CONSTRAINT decision_execution_after_proposal
    CHECK (execution_started_on IS NULL OR execution_started_on >= proposed_on);
ALTER TABLE decision ADD CONSTRAINT decision_execution_after_approval
    CHECK (execution_started_on IS NULL OR approved_on IS NULL OR execution_started_on >= approved_on);
