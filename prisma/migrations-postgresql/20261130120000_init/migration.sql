-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" TEXT NOT NULL,
    "creditCode" TEXT,
    "parentId" INTEGER,
    "path" TEXT NOT NULL DEFAULT '/',
    "headcount" INTEGER NOT NULL DEFAULT 0,
    "contact" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organisationId" INTEGER,
    "workerId" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Worker" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "idNumberCipher" TEXT NOT NULL,
    "idNumberHash" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    "birthDate" TIMESTAMP(3) NOT NULL,
    "phone" TEXT,
    "trade" TEXT,
    "skillLevel" TEXT,
    "unionMember" BOOLEAN NOT NULL DEFAULT true,
    "frontLine" BOOLEAN NOT NULL DEFAULT true,
    "manager" BOOLEAN NOT NULL DEFAULT false,
    "position" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Worker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contest" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organiserId" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rules" TEXT NOT NULL DEFAULT '',
    "registrationOpensAt" TIMESTAMP(3),
    "registrationClosesAt" TIMESTAMP(3),
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'draft',
    "noticeDays" INTEGER NOT NULL DEFAULT 5,
    "showStandardised" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "contestId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "trade" TEXT NOT NULL DEFAULT '',
    "mode" TEXT NOT NULL DEFAULT 'individual',
    "teamMin" INTEGER NOT NULL DEFAULT 1,
    "teamMax" INTEGER NOT NULL DEFAULT 1,
    "substitutes" INTEGER NOT NULL DEFAULT 0,
    "quotaPerOrg" INTEGER,
    "cap" INTEGER,
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "minSkillLevel" TEXT,
    "unionMemberRequired" BOOLEAN NOT NULL DEFAULT false,
    "fullMark" INTEGER NOT NULL DEFAULT 10000,
    "aggregation" TEXT NOT NULL DEFAULT 'trimmed_mean',
    "tieBreaks" TEXT NOT NULL DEFAULT '[]',
    "prizeRules" TEXT NOT NULL DEFAULT '[]',
    "standingsBestN" INTEGER NOT NULL DEFAULT 3,
    "status" TEXT NOT NULL DEFAULT 'open',
    "lockedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "noticeEndsAt" TIMESTAMP(3),
    "freezeAt" TIMESTAMP(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "advanceCounts" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventPart" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "round" TEXT NOT NULL DEFAULT 'final',
    "weight" INTEGER NOT NULL,
    "fullMark" INTEGER NOT NULL DEFAULT 10000,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EventPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" SERIAL NOT NULL,
    "partId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subCriterion" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "maxMark" INTEGER NOT NULL,
    "aggregation" TEXT,
    "descriptors" TEXT NOT NULL DEFAULT '[]',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "teamId" INTEGER NOT NULL,
    "workerId" INTEGER NOT NULL,
    "substitute" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId","workerId")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "workerId" INTEGER,
    "teamId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "reason" TEXT,
    "entryNumber" TEXT,
    "blindCode" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedById" INTEGER,
    "checkedInAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JudgeAssignment" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "isChief" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "JudgeAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" SERIAL NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "partId" INTEGER NOT NULL,
    "judgeId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mark" (
    "id" SERIAL NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "judgeId" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Result" (
    "registrationId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "total" INTEGER,
    "rankKey" BIGINT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "rank" INTEGER,
    "prize" TEXT,
    "standardised" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Result_pkey" PRIMARY KEY ("registrationId")
);

-- CreateTable
CREATE TABLE "ScoreCount" (
    "eventId" INTEGER NOT NULL,
    "rankKey" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ScoreCount_pkey" PRIMARY KEY ("eventId","rankKey")
);

-- CreateTable
CREATE TABLE "OrgStanding" (
    "eventId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "bestNTotal" INTEGER NOT NULL DEFAULT 0,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "prizes" INTEGER NOT NULL DEFAULT 0,
    "firstPrizes" INTEGER NOT NULL DEFAULT 0,
    "secondPrizes" INTEGER NOT NULL DEFAULT 0,
    "thirdPrizes" INTEGER NOT NULL DEFAULT 0,
    "meritPrizes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrgStanding_pkey" PRIMARY KEY ("eventId","organisationId")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" SERIAL NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "decision" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HonourAward" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "conferringBody" TEXT NOT NULL,
    "citation" TEXT NOT NULL DEFAULT '',
    "photoUrl" TEXT,
    "recipientKind" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "workerId" INTEGER,
    "organisationId" INTEGER,
    "studioId" INTEGER,
    "nominationId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HonourAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InnovationStudio" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "hostOrganisationId" INTEGER NOT NULL,
    "leaderWorkerId" INTEGER,
    "leaderName" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "namedYear" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InnovationStudio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioMember" (
    "id" SERIAL NOT NULL,
    "studioId" INTEGER NOT NULL,
    "workerId" INTEGER,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "StudioMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudioAchievement" (
    "id" SERIAL NOT NULL,
    "studioId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "StudioAchievement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationRound" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "conferringBody" TEXT NOT NULL,
    "quota" INTEGER NOT NULL,
    "perOrgQuota" INTEGER,
    "deadline" TIMESTAMP(3) NOT NULL,
    "rules" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "noticeStartsAt" TIMESTAMP(3),
    "noticeEndsAt" TIMESTAMP(3),
    "sourceEventId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "workerId" INTEGER,
    "nomineeOrganisationId" INTEGER,
    "studioId" INTEGER,
    "nomineeName" TEXT NOT NULL,
    "frontLine" BOOLEAN NOT NULL DEFAULT true,
    "manager" BOOLEAN NOT NULL DEFAULT false,
    "supportingText" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "checklist" TEXT NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "submittedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationAttachment" (
    "id" SERIAL NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" SERIAL NOT NULL,
    "nominationId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'lodged',
    "outcome" TEXT,
    "handlingNote" TEXT,
    "handledById" INTEGER,
    "lodgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMP(3),

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" SERIAL NOT NULL,
    "serial" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "awardId" INTEGER,
    "registrationId" INTEGER,
    "recipientName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabourIndicator" (
    "id" SERIAL NOT NULL,
    "contestId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "higherIsBetter" BOOLEAN NOT NULL DEFAULT true,
    "perHead" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LabourIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabourParticipant" (
    "contestId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "headcount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LabourParticipant_pkey" PRIMARY KEY ("contestId","organisationId")
);

-- CreateTable
CREATE TABLE "LabourPeriod" (
    "id" SERIAL NOT NULL,
    "contestId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "redFlagOrgId" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LabourPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabourSubmission" (
    "id" SERIAL NOT NULL,
    "periodId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "evidence" TEXT NOT NULL DEFAULT '',
    "vetoed" BOOLEAN NOT NULL DEFAULT false,
    "vetoReason" TEXT,
    "score" INTEGER,
    "rank" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "scoredAt" TIMESTAMP(3),

    CONSTRAINT "LabourSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabourFigure" (
    "submissionId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "value" INTEGER,
    "panelMark" INTEGER,

    CONSTRAINT "LabourFigure_pkey" PRIMARY KEY ("submissionId","indicatorId")
);

-- CreateTable
CREATE TABLE "QuizQuestion" (
    "id" SERIAL NOT NULL,
    "contestId" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "stem" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "difficulty" INTEGER NOT NULL DEFAULT 2,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuizQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quiz" (
    "id" SERIAL NOT NULL,
    "contestId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "timeLimitSec" INTEGER NOT NULL,
    "attemptsAllowed" INTEGER NOT NULL DEFAULT 1,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "plan" TEXT NOT NULL,
    "shuffle" BOOLEAN NOT NULL DEFAULT true,
    "onePerPage" BOOLEAN NOT NULL DEFAULT true,
    "pointsPerQuestion" INTEGER NOT NULL DEFAULT 100,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Quiz_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" SERIAL NOT NULL,
    "quizId" INTEGER NOT NULL,
    "workerId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "attemptNo" INTEGER NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'in_progress',
    "paper" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "score" INTEGER,
    "durationMs" INTEGER,

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreBucket" (
    "eventId" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ScoreBucket_pkey" PRIMARY KEY ("eventId","level","bucket")
);

-- CreateTable
CREATE TABLE "FrozenResult" (
    "eventId" INTEGER NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "total" INTEGER,
    "rankKey" BIGINT,
    "prize" TEXT,

    CONSTRAINT "FrozenResult_pkey" PRIMARY KEY ("eventId","registrationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_creditCode_key" ON "Organisation"("creditCode");

-- CreateIndex
CREATE INDEX "Organisation_parentId_idx" ON "Organisation"("parentId");

-- CreateIndex
CREATE INDEX "Organisation_path_idx" ON "Organisation"("path");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_workerId_key" ON "User"("workerId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "LoginAttempt_key_at_idx" ON "LoginAttempt"("key", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Worker_idNumberHash_key" ON "Worker"("idNumberHash");

-- CreateIndex
CREATE INDEX "Worker_organisationId_name_idx" ON "Worker"("organisationId", "name");

-- CreateIndex
CREATE INDEX "Worker_name_idx" ON "Worker"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Contest_code_key" ON "Contest"("code");

-- CreateIndex
CREATE INDEX "Contest_status_idx" ON "Contest"("status");

-- CreateIndex
CREATE INDEX "Contest_kind_status_idx" ON "Contest"("kind", "status");

-- CreateIndex
CREATE INDEX "Event_contestId_sortOrder_idx" ON "Event"("contestId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Event_contestId_code_key" ON "Event"("contestId", "code");

-- CreateIndex
CREATE INDEX "EventPart_eventId_idx" ON "EventPart"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_partId_code_key" ON "Criterion"("partId", "code");

-- CreateIndex
CREATE INDEX "Team_eventId_organisationId_idx" ON "Team"("eventId", "organisationId");

-- CreateIndex
CREATE INDEX "TeamMember_workerId_idx" ON "TeamMember"("workerId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_teamId_key" ON "Registration"("teamId");

-- CreateIndex
CREATE INDEX "Registration_eventId_status_idx" ON "Registration"("eventId", "status");

-- CreateIndex
CREATE INDEX "Registration_organisationId_status_idx" ON "Registration"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Registration_entryNumber_idx" ON "Registration"("entryNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_eventId_workerId_key" ON "Registration"("eventId", "workerId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_eventId_entryNumber_key" ON "Registration"("eventId", "entryNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_eventId_blindCode_key" ON "Registration"("eventId", "blindCode");

-- CreateIndex
CREATE INDEX "JudgeAssignment_userId_idx" ON "JudgeAssignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "JudgeAssignment_eventId_userId_key" ON "JudgeAssignment"("eventId", "userId");

-- CreateIndex
CREATE INDEX "ScoreSheet_judgeId_idx" ON "ScoreSheet"("judgeId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_registrationId_partId_judgeId_key" ON "ScoreSheet"("registrationId", "partId", "judgeId");

-- CreateIndex
CREATE INDEX "Mark_criterionId_idx" ON "Mark"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Mark_registrationId_criterionId_judgeId_key" ON "Mark"("registrationId", "criterionId", "judgeId");

-- CreateIndex
CREATE INDEX "Result_eventId_rankKey_idx" ON "Result"("eventId", "rankKey");

-- CreateIndex
CREATE INDEX "Result_eventId_organisationId_rankKey_idx" ON "Result"("eventId", "organisationId", "rankKey");

-- CreateIndex
CREATE INDEX "OrgStanding_eventId_bestNTotal_idx" ON "OrgStanding"("eventId", "bestNTotal");

-- CreateIndex
CREATE INDEX "Appeal_registrationId_idx" ON "Appeal"("registrationId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_action_idx" ON "AuditLog"("action");

-- CreateIndex
CREATE UNIQUE INDEX "HonourAward_nominationId_key" ON "HonourAward"("nominationId");

-- CreateIndex
CREATE INDEX "HonourAward_kind_level_year_idx" ON "HonourAward"("kind", "level", "year");

-- CreateIndex
CREATE INDEX "HonourAward_workerId_idx" ON "HonourAward"("workerId");

-- CreateIndex
CREATE INDEX "HonourAward_organisationId_idx" ON "HonourAward"("organisationId");

-- CreateIndex
CREATE INDEX "HonourAward_recipientName_idx" ON "HonourAward"("recipientName");

-- CreateIndex
CREATE INDEX "StudioMember_studioId_idx" ON "StudioMember"("studioId");

-- CreateIndex
CREATE INDEX "StudioAchievement_studioId_year_idx" ON "StudioAchievement"("studioId", "year");

-- CreateIndex
CREATE INDEX "NominationRound_status_idx" ON "NominationRound"("status");

-- CreateIndex
CREATE INDEX "Nomination_roundId_organisationId_idx" ON "Nomination"("roundId", "organisationId");

-- CreateIndex
CREATE INDEX "NominationAttachment_nominationId_idx" ON "NominationAttachment"("nominationId");

-- CreateIndex
CREATE INDEX "Objection_nominationId_idx" ON "Objection"("nominationId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_serial_key" ON "Certificate"("serial");

-- CreateIndex
CREATE INDEX "Certificate_awardId_idx" ON "Certificate"("awardId");

-- CreateIndex
CREATE INDEX "Certificate_registrationId_idx" ON "Certificate"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "LabourIndicator_contestId_code_key" ON "LabourIndicator"("contestId", "code");

-- CreateIndex
CREATE INDEX "LabourPeriod_contestId_sortOrder_idx" ON "LabourPeriod"("contestId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "LabourSubmission_periodId_organisationId_key" ON "LabourSubmission"("periodId", "organisationId");

-- CreateIndex
CREATE INDEX "QuizQuestion_contestId_category_idx" ON "QuizQuestion"("contestId", "category");

-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_status_score_idx" ON "QuizAttempt"("quizId", "status", "score");

-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_workerId_score_durationMs_submittedAt_idx" ON "QuizAttempt"("quizId", "workerId", "score" DESC, "durationMs", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_quizId_workerId_attemptNo_key" ON "QuizAttempt"("quizId", "workerId", "attemptNo");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Worker" ADD CONSTRAINT "Worker_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contest" ADD CONSTRAINT "Contest_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPart" ADD CONSTRAINT "EventPart_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_partId_fkey" FOREIGN KEY ("partId") REFERENCES "EventPart"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgeAssignment" ADD CONSTRAINT "JudgeAssignment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgeAssignment" ADD CONSTRAINT "JudgeAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreCount" ADD CONSTRAINT "ScoreCount_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgStanding" ADD CONSTRAINT "OrgStanding_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HonourAward" ADD CONSTRAINT "HonourAward_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HonourAward" ADD CONSTRAINT "HonourAward_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HonourAward" ADD CONSTRAINT "HonourAward_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "InnovationStudio"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HonourAward" ADD CONSTRAINT "HonourAward_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InnovationStudio" ADD CONSTRAINT "InnovationStudio_hostOrganisationId_fkey" FOREIGN KEY ("hostOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InnovationStudio" ADD CONSTRAINT "InnovationStudio_leaderWorkerId_fkey" FOREIGN KEY ("leaderWorkerId") REFERENCES "Worker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioMember" ADD CONSTRAINT "StudioMember_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "InnovationStudio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioMember" ADD CONSTRAINT "StudioMember_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudioAchievement" ADD CONSTRAINT "StudioAchievement_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "InnovationStudio"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NominationRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_nomineeOrganisationId_fkey" FOREIGN KEY ("nomineeOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_studioId_fkey" FOREIGN KEY ("studioId") REFERENCES "InnovationStudio"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationAttachment" ADD CONSTRAINT "NominationAttachment_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_awardId_fkey" FOREIGN KEY ("awardId") REFERENCES "HonourAward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabourIndicator" ADD CONSTRAINT "LabourIndicator_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabourParticipant" ADD CONSTRAINT "LabourParticipant_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabourParticipant" ADD CONSTRAINT "LabourParticipant_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabourPeriod" ADD CONSTRAINT "LabourPeriod_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabourSubmission" ADD CONSTRAINT "LabourSubmission_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "LabourPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabourSubmission" ADD CONSTRAINT "LabourSubmission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabourFigure" ADD CONSTRAINT "LabourFigure_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "LabourSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabourFigure" ADD CONSTRAINT "LabourFigure_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "LabourIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizQuestion" ADD CONSTRAINT "QuizQuestion_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quiz" ADD CONSTRAINT "Quiz_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION "AuditLog_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditLog is append-only';
END;
$$;

CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION "AuditLog_append_only"();

CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
    FOR EACH ROW EXECUTE FUNCTION "AuditLog_append_only"();
