// The workflow editor's matrix for one tracker and role: which status may follow which, and
// the conditions of each transition, as the form's checkbox names carry them.
#pragma once
#include "core/domain/workflow.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketflow::domain {

/// The conditions a matrix cell carries besides "allowed".
enum class CellFlag { Allowed, NoteRequired, AssigneeRequired, MilestoneRequired, AssigneeOnly };

/// The form field of one cell's flag, e.g. "allow_1_3" or "note_1_3". Never throws but bad_alloc.
std::string matrixFieldName(CellFlag flag, unsigned fromStatusId, unsigned toStatusId);

/// The rules the submitted matrix describes for `trackerId` x `roleId` over `statusIds`: one per
/// ticked "allow" cell (never from a status to itself), with the conditions ticked in that cell;
/// conditions of a cell that is not allowed are dropped. `ticked(fieldName)` reports the form.
std::vector<TransitionRule> rulesFromMatrix(unsigned trackerId, unsigned roleId, const std::vector<unsigned>& statusIds,
                                            const std::function<bool(const std::string&)>& ticked);

/// Whether `flag` is set in `rule`.
bool hasFlag(const TransitionRule& rule, CellFlag flag);

} // namespace ticketflow::domain
