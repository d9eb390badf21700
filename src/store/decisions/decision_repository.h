// Proposals, their discussion and amendments, decisions, the ballots cast (read side; see
// decisions/ballot_writer.h for casting), closing and counting, and in-app notifications.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "decisions/decision.h"

namespace andel::store {

class Database;

struct ProposalSummary {
  decisions::Proposal proposal;
  std::string author_name;
  std::optional<decisions::Decision> decision;
  int64_t comments = 0;
  int64_t voters = 0;  // ballots cast on its decision
};

// Which proposals a list shows. Empty fields do not filter.
struct ProposalFilter {
  std::string search;  // words of the title or text, as a person types them (folded)
  // "discussion" (not put to a vote), "upcoming", "open", "closing" (open, closing within three
  // days of `now`) or "closed"
  std::string state;
  std::string method;            // a voting method's name ("schulze", "motion" …)
  int64_t author_person_id = 0;  // only this person's proposals
  int64_t now = 0;               // the time the states are judged at
};

struct CommentView {
  decisions::Comment comment;
  std::string author_name;
};

struct AmendmentView {
  decisions::Amendment amendment;
  std::string author_name;
};

// A ballot of an open (not secret) vote, with its voter.
struct NamedBallot {
  std::string voter_name;
  std::string content;
};

// The caller's own vote on a decision.
struct OwnVote {
  int64_t voted_at = 0;
  std::string receipt;  // open ballots only: a secret ballot's receipt is not linked to its voter
  std::string content;  // open ballots only
};

struct Notification {
  int64_t id = 0;
  std::string kind;  // "proposal.new", "decision.closing", "decision.result"
  int64_t proposal_id = 0;
  std::string proposal_title;
  std::string community_slug;
  std::string community_name;
  int64_t created_at = 0;
  bool read = false;
};

// A member's place on a decision's voter roll.
struct RollEntry {
  int64_t weight = 1;
  std::string code;  // eight characters, the member's own mark on the published roll
};

// A decision's voter roll as published: the codes, sorted, the total weight, and the codes of
// those who voted (sorted).
struct VoterRoll {
  std::vector<std::string> codes;
  int64_t weight = 0;
  std::vector<std::string> voted_codes;
};

// Counts a decision's ballots when it closes; returns the result summary to record.
using CountFunction = std::function<Result<std::string>(
    const decisions::Decision&, const std::vector<decisions::StoredBallot>&, int64_t eligible)>;

class DecisionRepository {
 public:
  explicit DecisionRepository(Database& db) : db_(db) {}

  // The same repository, recording `person_id` as the actor in the audit log (at `now`).
  DecisionRepository ActingAs(int64_t person_id, int64_t now) const {
    DecisionRepository acting = *this;
    acting.actor_ = person_id;
    acting.now_ = now;
    return acting;
  }

  // Creates the proposal and notifies the community's other active members.
  Result<int64_t> CreateProposal(const decisions::Proposal& proposal);
  // Newest first.
  Result<std::vector<ProposalSummary>> ListProposals(int64_t community_id, int offset, int limit,
                                                     const ProposalFilter& filter = {});
  Result<int64_t> CountProposals(int64_t community_id, const ProposalFilter& filter = {});
  // Closes the proposal's discussion (no new comments) or opens it again, as the acting person.
  Status SetDiscussionClosed(int64_t community_id, int64_t proposal_id, bool closed);
  // kNotFound unless the proposal is in the community.
  Result<ProposalSummary> FindProposal(int64_t community_id, int64_t proposal_id);

  // kNotFound for a parent that is not a comment on the same proposal.
  Result<int64_t> AddComment(const decisions::Comment& comment);
  // Oldest first.
  Result<std::vector<CommentView>> ListComments(int64_t proposal_id);

  Result<int64_t> AddAmendment(const decisions::Amendment& amendment);
  Result<std::vector<AmendmentView>> ListAmendments(int64_t proposal_id);
  // Accepting replaces the proposal's text with the amendment's. kFailedPrecondition once the
  // proposal has a decision or the amendment is no longer proposed.
  Status DecideAmendment(int64_t proposal_id, int64_t amendment_id, bool accept);

  // Attaches the decision (options included) to its proposal. kAlreadyExists if it has one.
  Result<int64_t> CreateDecision(const decisions::Decision& decision);
  Result<decisions::Decision> FindDecision(int64_t decision_id);
  // The slug of a community by its id (the API addresses decisions without their community).
  Result<std::string> CommunitySlug(int64_t community_id);
  Result<std::optional<decisions::Decision>> FindDecisionOfProposal(int64_t proposal_id);

  // Every ballot, by receipt.
  Result<std::vector<decisions::StoredBallot>> ListBallots(int64_t decision_id);
  Result<int64_t> CountVoters(int64_t decision_id);
  Result<std::optional<OwnVote>> FindOwnVote(int64_t decision_id, int64_t person_id);
  // Open ballots with their voters' names, by name; empty for a secret ballot.
  Result<std::vector<NamedBallot>> ListNamedBallots(int64_t decision_id);
  // Voter rolls (decisions/voter_roll.cpp), each fixed once, when its decision opens: the first of
  // these calls (or a cast ballot, or the close) after the opening fixes it. Fixes the roll of
  // every decision that has opened without one.
  Status FixDueRolls(int64_t now);
  Result<VoterRoll> ReadRoll(int64_t decision_id);
  // The person's place on the roll; nullopt if they are not on it (or it is not fixed yet
  // because the decision has not opened).
  Result<std::optional<RollEntry>> FindOnRoll(int64_t decision_id, int64_t person_id);

  // Decisions past their closing time and not yet counted.
  Result<std::vector<int64_t>> ListDue(int64_t now);
  // In one transaction: if the decision is still open, reads its ballots, counts them with
  // `count`, records the result and the eligible weight, writes the audit entries and notifies
  // the members. Returns false if it was already closed (by another server or thread): the
  // decision row is locked and the close is a conditional update, so it happens once.
  Result<bool> Close(int64_t decision_id, const CountFunction& count);
  // Notifies the members who have not voted of decisions closing within 24 hours, once per
  // decision however many servers call it at once (each decision is claimed by a conditional
  // update of its flag). Returns how many decisions this call reminded of.
  Result<int> RemindClosingSoon(int64_t now);

  Result<std::vector<Notification>> ListNotifications(int64_t person_id, int limit);
  Result<int64_t> CountUnread(int64_t person_id);
  // Marks one notification (or all, for id 0) of the person read.
  Status MarkRead(int64_t person_id, int64_t notification_id);

 private:
  int64_t Now() const;

  Database& db_;
  int64_t actor_ = 0;
  int64_t now_ = 0;
};

}  // namespace andel::store
