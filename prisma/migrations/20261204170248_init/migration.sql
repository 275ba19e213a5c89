-- CreateEnum
CREATE TYPE "LoadBalancingMethod" AS ENUM ('ROUND_ROBIN', 'LEAST_CONNECTIONS', 'RATIO');

-- CreateEnum
CREATE TYPE "HealthMonitor" AS ENUM ('NONE', 'SMTP');

-- CreateEnum
CREATE TYPE "DestinationType" AS ENUM ('HOST', 'NETWORK');

-- CreateEnum
CREATE TYPE "ConfigurationMode" AS ENUM ('BASIC', 'ADVANCED');

-- CreateEnum
CREATE TYPE "SnatPool" AS ENUM ('NONE', 'AUTOMAP');

-- CreateEnum
CREATE TYPE "LogTransport" AS ENUM ('UDP', 'TCP');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMINISTRATOR', 'OPERATOR', 'GUEST');

-- CreateTable
CREATE TABLE "Pool" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "loadBalancingMethod" "LoadBalancingMethod" NOT NULL DEFAULT 'ROUND_ROBIN',
    "monitor" "HealthMonitor" NOT NULL DEFAULT 'SMTP',
    "monitorIntervalSec" INTEGER NOT NULL DEFAULT 5,
    "monitorTimeoutSec" INTEGER NOT NULL DEFAULT 16,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoolMember" (
    "id" SERIAL NOT NULL,
    "poolId" INTEGER NOT NULL,
    "nodeName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "servicePort" INTEGER NOT NULL,
    "ratio" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "PoolMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VirtualServer" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "destinationType" "DestinationType" NOT NULL DEFAULT 'HOST',
    "destinationAddress" TEXT NOT NULL,
    "destinationMask" TEXT,
    "servicePort" INTEGER NOT NULL,
    "configuration" "ConfigurationMode" NOT NULL DEFAULT 'BASIC',
    "serviceProfileId" INTEGER,
    "snatPool" "SnatPool" NOT NULL DEFAULT 'AUTOMAP',
    "defaultPoolId" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "tlsCertificate" TEXT,
    "tlsKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VirtualServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceProfile" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "isSystem" BOOLEAN NOT NULL DEFAULT false,
    "parentId" INTEGER,
    "protocolSecurity" BOOLEAN,
    "securityProfileId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityProfile" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "isSystem" BOOLEAN NOT NULL DEFAULT false,
    "remoteLogging" BOOLEAN NOT NULL DEFAULT false,
    "actions" JSONB NOT NULL,
    "settings" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SecurityProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AntivirusOptions" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "serverHostName" TEXT,
    "serverAddress" TEXT,
    "serverPort" INTEGER NOT NULL DEFAULT 1344,
    "guaranteeEnforcement" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AntivirusOptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InternalParameter" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "defaultValue" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "InternalParameter_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "DnsSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "resolvers" TEXT[],
    "timeoutMs" INTEGER NOT NULL DEFAULT 2000,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DnsSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemoteLoggingServer" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "host" TEXT,
    "port" INTEGER NOT NULL DEFAULT 514,
    "transport" "LogTransport" NOT NULL DEFAULT 'UDP',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RemoteLoggingServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectName" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfigSnapshot" (
    "version" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "ConfigSnapshot_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "Worker" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "appliedVersion" INTEGER,
    "health" JSONB NOT NULL,

    CONSTRAINT "Worker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Violation" (
    "id" BIGSERIAL NOT NULL,
    "supportId" TEXT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "protocol" TEXT NOT NULL DEFAULT 'SMTP',
    "virtualServer" TEXT NOT NULL,
    "serviceProfile" TEXT NOT NULL,
    "securityProfile" TEXT NOT NULL,
    "clientAddress" TEXT NOT NULL,
    "clientPort" INTEGER NOT NULL,
    "helo" TEXT,
    "mailFrom" TEXT,
    "rcptTo" TEXT[],
    "command" TEXT NOT NULL,
    "violation" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reply" TEXT NOT NULL,
    "details" JSONB,
    "workerId" TEXT NOT NULL,

    CONSTRAINT "Violation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrafficMinute" (
    "minute" TIMESTAMP(3) NOT NULL,
    "securityProfile" TEXT NOT NULL,
    "virtualServer" TEXT NOT NULL,
    "connections" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "alarmed" INTEGER NOT NULL DEFAULT 0,
    "blocked" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TrafficMinute_pkey" PRIMARY KEY ("minute","securityProfile","virtualServer")
);

-- CreateTable
CREATE TABLE "IngestedBatch" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestedBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pool_name_key" ON "Pool"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PoolMember_poolId_address_servicePort_key" ON "PoolMember"("poolId", "address", "servicePort");

-- CreateIndex
CREATE UNIQUE INDEX "VirtualServer_name_key" ON "VirtualServer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceProfile_name_key" ON "ServiceProfile"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SecurityProfile_name_key" ON "SecurityProfile"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEntry_time_idx" ON "AuditEntry"("time");

-- CreateIndex
CREATE UNIQUE INDEX "Violation_supportId_key" ON "Violation"("supportId");

-- CreateIndex
CREATE INDEX "Violation_time_idx" ON "Violation"("time");

-- CreateIndex
CREATE INDEX "Violation_violation_time_idx" ON "Violation"("violation", "time");

-- CreateIndex
CREATE INDEX "Violation_securityProfile_time_idx" ON "Violation"("securityProfile", "time");

-- CreateIndex
CREATE INDEX "Violation_clientAddress_time_idx" ON "Violation"("clientAddress", "time");

-- CreateIndex
CREATE INDEX "IngestedBatch_receivedAt_idx" ON "IngestedBatch"("receivedAt");

-- AddForeignKey
ALTER TABLE "PoolMember" ADD CONSTRAINT "PoolMember_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualServer" ADD CONSTRAINT "VirtualServer_serviceProfileId_fkey" FOREIGN KEY ("serviceProfileId") REFERENCES "ServiceProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualServer" ADD CONSTRAINT "VirtualServer_defaultPoolId_fkey" FOREIGN KEY ("defaultPoolId") REFERENCES "Pool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceProfile" ADD CONSTRAINT "ServiceProfile_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ServiceProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceProfile" ADD CONSTRAINT "ServiceProfile_securityProfileId_fkey" FOREIGN KEY ("securityProfileId") REFERENCES "SecurityProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
