from datetime import UTC, datetime

from quart import Blueprint, g
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_request, validate_response

from server.auth.current import login_required
from server.openapi import NO_CONTENT
from server.pagination import ordering, page_of, paginated
from server.tasks.schemas import TASK_SORTS, Snooze, TaskCreate, TaskListQuery, TaskOut, TaskUpdate
from server.tasks.service import (
    complete_task,
    create_task,
    delete_task,
    dismiss_task,
    get_task,
    snooze_task,
    task_json,
    tasks_query,
    update_task,
)

bp = Blueprint("tasks", __name__, url_prefix="/api/crm/tasks")
tag_blueprint(bp, ["tasks"])


@bp.get("")
@login_required
@validate_querystring(TaskListQuery)
@validate_response(page_of(TaskOut))
async def list_tasks(query_args: TaskListQuery):
    query = tasks_query(business_id=g.user.business_id, status=query_args.status,
                        customer_id=query_args.customer_id,
                        assignee_id=g.user.id if query_args.mine else query_args.assignee_id,
                        due_before=query_args.due_before, q=query_args.q, kind=query_args.kind)
    return await paginated(query, page=query_args.page, limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=TASK_SORTS, default="due_at"),
                           serialize=task_json)


@bp.post("")
@login_required
@validate_request(TaskCreate)
@validate_response(TaskOut, 201)
async def create(data: TaskCreate):
    task = await create_task(business_id=g.user.business_id, creator_id=g.user.id, **data.model_dump())
    return task_json(task), 201


@bp.get("/<int:task_id>")
@login_required
@validate_response(TaskOut)
async def read(task_id: int):
    return task_json(await get_task(business_id=g.user.business_id, task_id=task_id))


@bp.patch("/<int:task_id>")
@login_required
@validate_request(TaskUpdate)
@validate_response(TaskOut)
async def update(task_id: int, data: TaskUpdate):
    return task_json(await update_task(business_id=g.user.business_id, task_id=task_id, changes=data.changes()))


@bp.delete("/<int:task_id>")
@login_required
@document_response(NO_CONTENT, 204)
async def delete(task_id: int):
    await delete_task(business_id=g.user.business_id, task_id=task_id)
    return "", 204


@bp.post("/<int:task_id>/snooze")
@login_required
@validate_request(Snooze)
@validate_response(TaskOut)
async def snooze(task_id: int, data: Snooze):
    task = await snooze_task(business_id=g.user.business_id, task_id=task_id, until=data.wake_at(datetime.now(UTC)))
    return task_json(task)


@bp.post("/<int:task_id>/done")
@login_required
@validate_response(TaskOut)
async def done(task_id: int):
    return task_json(await complete_task(business_id=g.user.business_id, task_id=task_id))


@bp.post("/<int:task_id>/dismiss")
@login_required
@validate_response(TaskOut)
async def dismiss(task_id: int):
    """The alert of the task's current due time was seen and put away: it is not replayed."""
    return task_json(await dismiss_task(business_id=g.user.business_id, task_id=task_id))
