// Participant outcomes (seed 001: 41 into jobs, 21 into education, 104 new participants in a
// year): recorded only with the participant's consent, and reported only as counts.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace andel::impact {

enum class OutcomeKind {
  kNewParticipant,
  kIntoJob,
  kIntoEducation,
  kStartedEnterprise,
  kVolunteering,
};
inline constexpr size_t kOutcomeKinds = 5;

Result<OutcomeKind> ParseOutcomeKind(std::string_view text);
// "new_participant", "into_job", "into_education", "started_enterprise", "volunteering".
std::string_view Name(OutcomeKind kind);

// One person's outcome. No name or contact is kept: who it was stays with the initiative.
struct ParticipantOutcome {
  OutcomeKind kind = OutcomeKind::kNewParticipant;
  Date date;
  bool consent = false;  // the participant agreed to be counted
};

// kInvalidArgument naming "consent" without the participant's consent.
Status ValidateOutcome(const ParticipantOutcome& outcome);

}  // namespace andel::impact
