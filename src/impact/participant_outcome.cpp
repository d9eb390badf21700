#include "impact/participant_outcome.h"

#include "core/enum_names.h"

namespace andel::impact {
namespace {

constexpr EnumNames<OutcomeKind, kOutcomeKinds> kKinds{{
    {"new_participant", OutcomeKind::kNewParticipant},
    {"into_job", OutcomeKind::kIntoJob},
    {"into_education", OutcomeKind::kIntoEducation},
    {"started_enterprise", OutcomeKind::kStartedEnterprise},
    {"volunteering", OutcomeKind::kVolunteering},
}};

}  // namespace

Result<OutcomeKind> ParseOutcomeKind(std::string_view text) {
  return ParseEnum(kKinds, text, "kind", "unknown kind of outcome");
}
std::string_view Name(OutcomeKind kind) { return NameOf(kKinds, kind); }

Status ValidateOutcome(const ParticipantOutcome& outcome) {
  if (!outcome.consent) {
    return Error::InvalidArgument("an outcome is recorded only with the participant's consent",
                                  "consent");
  }
  return {};
}

}  // namespace andel::impact
