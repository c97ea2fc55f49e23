DROP INDEX "callback_tasks_assignee_open_idx";--> statement-breakpoint
DROP INDEX "callback_tasks_due_idx";--> statement-breakpoint
CREATE INDEX "callback_tasks_open_due_idx" ON "callback_tasks" USING btree ("due_at","id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "callback_tasks_done_idx" ON "callback_tasks" USING btree ("done_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_answered_idx" ON "survey_invitations" USING btree ("answered_at");--> statement-breakpoint
CREATE INDEX "callback_tasks_assignee_open_idx" ON "callback_tasks" USING btree ("assignee_id","due_at","id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "callback_tasks_due_idx" ON "callback_tasks" USING btree ("due_at","id");