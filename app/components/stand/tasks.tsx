import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { STAND_TASK_CATEGORIES, STAND_TASK_STATUSES } from "../../../server/domain/stand-tasks";
import type { StandView } from "../../../server/services/stands/get-stand";
import { useFormResult } from "../../lib/form-result";
import { Field } from "../field";
import { FormattedDate } from "../formatted";
import { SelectField, TextField } from "./inputs";
import { TableWrap } from "./plan";
import { useResetAfterSuccess } from "./reset";

type Task = NonNullable<StandView["tasks"]>[number];
type Owners = StandView["taskOwners"];

/** The shared task list: overdue tasks stand out; who may changes a task's status, owner and due date, or adds one. */
export function Tasks({ view }: { view: StandView }) {
  const { t } = useTranslation();
  const tasks = view.tasks ?? [];
  const { permissions, taskOwners } = view;
  const overdue = tasks.filter((task) => task.overdue).length;
  return (
    <section className="card stack" aria-labelledby="tasks-heading" id="tasks" data-testid="tasks">
      <h2 id="tasks-heading">{t("stands.page.tasksTitle")}</h2>
      {overdue > 0 ? (
        <p className="notice" data-testid="overdue-notice">
          {t("stands.tasks.overdueCount", { count: overdue })}
        </p>
      ) : null}
      {tasks.length === 0 ? (
        <p className="muted">{t("stands.tasks.none")}</p>
      ) : (
        <TaskTable tasks={tasks} owners={taskOwners} canUpdate={permissions.canUpdateTasks} />
      )}
      {permissions.canAddTask ? <AddTaskForm owners={taskOwners} /> : null}
    </section>
  );
}

function TaskTable({ tasks, owners, canUpdate }: { tasks: Task[]; owners: Owners; canUpdate: boolean }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t("stands.page.tasksTitle")}>
      <table className="task-table" data-testid="task-table">
        <thead>
          <tr>
            <th scope="col">{t("stands.tasks.task")}</th>
            <th scope="col">{t("stands.tasks.owner")}</th>
            <th scope="col">{t("stands.tasks.due")}</th>
            <th scope="col">{t("stands.tasks.status")}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr
              key={task.id}
              className={task.overdue ? "task-overdue" : task.status === "done" ? "task-done" : undefined}
              data-testid={`task-${task.id}`}
            >
              <th scope="row">
                {task.title}
                <span className="muted small task-category"> · {t(`stands.taskCategories.${task.category}`)}</span>
              </th>
              <td>{task.ownerName ?? <span className="muted">{t("stands.tasks.noOwner")}</span>}</td>
              <td>
                <FormattedDate value={task.dueOn} />
                {task.overdue ? <span className="tag tag-overdue">{t("stands.tasks.overdue")}</span> : null}
              </td>
              <td>
                {canUpdate ? (
                  <TaskUpdateForm task={task} owners={owners} />
                ) : (
                  <span className={`tag task-status-${task.status}`}>{t(`stands.taskStatuses.${task.status}`)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The choices for a task's owner: people of participating firms, and the network's brokers. */
function useOwnerOptions(owners: Owners) {
  const { t } = useTranslation();
  return owners.map((o) => ({ value: o.userId, label: o.firmName ? `${o.name} (${o.firmName})` : `${o.name} (${t("roles.broker")})` }));
}

function TaskUpdateForm({ task, owners }: { task: Task; owners: Owners }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const ownerOptions = useOwnerOptions(owners);
  const { lastResult } = useFormResult("updateTask", task.id);
  const [form, fields] = useForm<{ taskId: string; status: string; ownerUserId: string; dueOn: string }>({
    id: `task-form-${task.id}`,
    lastResult,
    defaultValue: { taskId: task.id, status: task.status, ownerUserId: task.ownerUserId ?? "", dueOn: task.dueOn },
    shouldValidate: "onSubmit",
  });
  const version = `${task.status}-${task.ownerUserId}-${task.dueOn}`;
  // The owner and due date fold away; an error in them keeps them open.
  const moreErrors = Boolean(fields.ownerUserId.errors?.length || fields.dueOn.errors?.length);
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="task-update" key={version}>
      <input type="hidden" name="intent" value="updateTask" />
      <input type="hidden" name="target" value={task.id} />
      <input type="hidden" name="taskId" value={task.id} />
      <div className="inline-form">
        <label htmlFor={fields.status.id} className="visually-hidden">
          {t("stands.tasks.statusOf", { task: task.title })}
        </label>
        <select {...getSelectProps(fields.status)} data-testid="task-status">
          {STAND_TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`stands.taskStatuses.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-small button-secondary" disabled={navigation.state !== "idle"}>
          {t("common.save")}
          <span className="visually-hidden"> ({task.title})</span>
        </button>
      </div>
      <details className="task-more" open={moreErrors || undefined}>
        <summary>{t("stands.tasks.ownerAndDue")}</summary>
        <SelectField field={fields.ownerUserId} label={t("stands.tasks.owner")} blank={t("stands.tasks.noOwner")} options={ownerOptions} />
        <Field id={fields.dueOn.id} label={t("stands.tasks.due")} errors={fields.dueOn.errors}>
          <input {...getInputProps(fields.dueOn, { type: "date" })} />
        </Field>
      </details>
    </Form>
  );
}

function AddTaskForm({ owners }: { owners: Owners }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const ownerOptions = useOwnerOptions(owners);
  const { lastResult } = useFormResult("addTask");
  const [form, fields] = useForm<{ title: string; category: string; ownerUserId: string; dueOn: string; status: string }>({
    id: "add-task",
    lastResult,
    defaultValue: { category: "other", status: "todo" },
    shouldValidate: "onSubmit",
  });
  useResetAfterSuccess(form, "addTask");
  const categories = STAND_TASK_CATEGORIES.map((c) => ({ value: c, label: t(`stands.taskCategories.${c}`) }));
  const statuses = STAND_TASK_STATUSES.map((s) => ({ value: s, label: t(`stands.taskStatuses.${s}`) }));
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="stack add-task-form">
      <h3>{t("stands.tasks.addTitle")}</h3>
      <input type="hidden" name="intent" value="addTask" />
      <div className="grid-2">
        <TextField field={fields.title} label={t("stands.tasks.title")} />
        <SelectField field={fields.category} label={t("stands.tasks.category")} options={categories} />
      </div>
      <div className="grid-3">
        <SelectField field={fields.ownerUserId} label={t("stands.tasks.owner")} blank={t("stands.tasks.noOwner")} options={ownerOptions} />
        <TextField field={fields.dueOn} label={t("stands.tasks.due")} type="date" />
        <SelectField field={fields.status} label={t("stands.tasks.status")} options={statuses} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {t("stands.tasks.add")}
        </button>
      </div>
    </Form>
  );
}
