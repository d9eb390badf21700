// The addresses of the impact capability, with the role each needs; the route table in
// web/routes.cpp joins them with the other capabilities'.
#include "web/routes.h"

#include "web/impact/handlers.h"

namespace andel::web {

std::vector<Route> ImpactRoutes() {
  using enum Method;
  using enum Access;
  using enum Surface;
  return {
      {kGet, "/c/{slug}/impact", kVisible, kPage, ShowImpact},
      {kPost, "/c/{slug}/impact/indicators", kBoard, kPage, SubmitIndicator},
      {kGet, "/c/{slug}/impact/indicators/{id}", kVisible, kPage, ShowIndicator},
      {kPost, "/c/{slug}/impact/measurements", kBoard, kPage, SubmitMeasurement},
      {kPost, "/c/{slug}/impact/import", kBoard, kPage, SubmitMeasurementImport,
       kMeasurementsLimit},
      {kGet, "/c/{slug}/impact/measurements.csv", kVisible, kPage, ExportMeasurementsCsv},
      {kGet, "/c/{slug}/impact/cids.jsonld", kVisible, kPage, ExportCids},
      {kPost, "/c/{slug}/impact/outcomes", kBoard, kPage, SubmitOutcome},
      {kPost, "/c/{slug}/impact/links", kBoard, kPage, SubmitImpactLink},
      {kGet, "/c/{slug}/impact/programme", kVisible, kPage, ShowProgrammeRollup},
      {kPost, "/c/{slug}/impact/programmes", kBoard, kPage, SubmitProgrammeMembership},
      {kGet, "/c/{slug}/impact/report/{year}", kVisible, kPage, ShowImpactReport},
      {kGet, "/c/{slug}/impact/cases", kVisible, kPage, ShowValueCases},
      {kPost, "/c/{slug}/impact/cases", kBoard, kPage, SubmitValueCase},
      {kGet, "/c/{slug}/impact/cases/{id}", kVisible, kPage, ShowValueCase},
      {kPost, "/c/{slug}/impact/cases/{id}/publish", kBoard, kPage, SubmitValueCasePublish},
      {kGet, "/c/{slug}/impact/sroi", kVisible, kPage, ShowSroiList},
      {kPost, "/c/{slug}/impact/sroi", kBoard, kPage, SubmitSroi},
      {kGet, "/c/{slug}/impact/sroi/{id}", kVisible, kPage, ShowSroi},
      {kGet, "/cases", kSignedIn, kPage, ShowCaseLibrary},
      {kGet, "/cases/{id}", kSignedIn, kPage, ShowLibraryCase},
      {kGet, "/api/v1/communities/{slug}/indicators", kVisible, kApi, ApiListIndicators},
      {kPost, "/api/v1/communities/{slug}/indicators", kBoard, kApi, ApiCreateIndicator},
      {kGet, "/api/v1/communities/{slug}/measurements", kVisible, kApi, ApiListMeasurements},
      {kPost, "/api/v1/communities/{slug}/measurements", kBoard, kApi, ApiRecordMeasurements,
       kMeasurementsLimit},
      {kGet, "/api/v1/communities/{slug}/indicators/{id}", kVisible, kApi, ApiGetIndicator},
      {kGet, "/api/v1/communities/{slug}/report/{year}", kVisible, kApi, ApiImpactReport},
      {kGet, "/api/v1/communities/{slug}/indicators/{id}/links", kVisible, kApi,
       ApiListIndicatorLinks},
      {kPost, "/api/v1/communities/{slug}/indicators/{id}/links", kBoard, kApi,
       ApiCreateIndicatorLink},
      {kDelete, "/api/v1/communities/{slug}/indicators/{id}/links/{subject}/{subject_id}", kBoard,
       kApi, ApiDeleteIndicatorLink},
      {kGet, "/api/v1/communities/{slug}/programmes", kVisible, kApi, ApiListProgrammes},
      {kPost, "/api/v1/communities/{slug}/programmes", kBoard, kApi, ApiJoinProgramme},
      {kDelete, "/api/v1/communities/{slug}/programmes/{programme}", kBoard, kApi,
       ApiLeaveProgramme},
      {kGet, "/api/v1/communities/{slug}/rollup", kVisible, kApi, ApiProgrammeRollup},
      {kGet, "/api/v1/communities/{slug}/value-cases", kVisible, kApi, ApiListValueCases},
      {kGet, "/api/v1/communities/{slug}/value-cases/{id}", kVisible, kApi, ApiGetValueCase},
      {kPost, "/api/v1/communities/{slug}/value-cases", kBoard, kApi, ApiCreateValueCase},
      {kGet, "/api/v1/value-cases", kSignedIn, kApi, ApiSearchValueCases},
      {kGet, "/api/v1/communities/{slug}/impact.jsonld", kVisible, kApi, ExportCids},
      {kPost, "/api/v1/communities/{slug}/outcomes", kBoard, kApi, ApiRecordOutcome},
      {kGet, "/api/v1/communities/{slug}/outcomes", kVisible, kApi, ApiCountOutcomes},
      {kGet, "/api/v1/communities/{slug}/sroi", kVisible, kApi, ApiListSroi},
      {kPost, "/api/v1/communities/{slug}/sroi", kBoard, kApi, ApiCreateSroi},
      {kGet, "/api/v1/communities/{slug}/sroi/{id}", kVisible, kApi, ApiGetSroi},
  };
}

}  // namespace andel::web
